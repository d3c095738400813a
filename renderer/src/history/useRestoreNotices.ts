import { useEffect } from 'react'
import type * as Y from 'yjs'
import { restoresArray } from '../../../shared/doc'
import { restoreNoticeSchema } from '../../../shared/history'
import type { ToastStore } from '../app/toast'
import type { OpenSprint } from '../store/open-sprint'
import { checkpointTime } from './history-words'

/** Tells this user when a colleague restores part of the open sprint from the history. */
export function useRestoreNotices(sprint: OpenSprint, toast: ToastStore): void {
  useEffect(() => {
    const array = restoresArray(sprint.doc)
    const onChange = (event: Y.YArrayEvent<unknown>): void => {
      for (const item of event.changes.added) {
        for (const value of item.content.getContent()) {
          const notice = restoreNoticeSchema.safeParse(value)
          if (!notice.success || notice.data.clientId === sprint.doc.clientID) continue
          const { name, scope, checkpointAt } = notice.data
          toast.show({
            message: `${name || 'Someone'} restored ${scope} as it was at ${checkpointTime(checkpointAt)}`,
          })
        }
      }
    }
    array.observe(onChange)
    return () => array.unobserve(onChange)
  }, [sprint, toast])
}
