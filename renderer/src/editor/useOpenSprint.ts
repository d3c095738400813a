import { useEffect, useState } from 'react'
import { OpenSprint } from '../store/open-sprint'
import { takeEarlyOpen } from '../app/early-open'
import { readMeta } from '../../../shared/doc'

export type OpenState =
  | { status: 'loading' }
  | { status: 'ready'; sprint: OpenSprint }
  | { status: 'missing' }
  | { status: 'error'; message: string }

/**
 * Opens the sprint's document for as long as the component is mounted: one Y.Doc and one
 * IndexedDB persistence per open sprint, destroyed on close (or when the id changes). `prepare`
 * (loading what `onOpen` needs) runs alongside the load; `onOpen` runs once both are done.
 */
export function useOpenSprint(
  sprintId: string,
  onOpen?: (s: OpenSprint) => void,
  prepare?: () => Promise<void>,
): OpenState {
  const [state, setState] = useState<OpenState>({ status: 'loading' })
  useEffect(() => {
    let isCancelled = false
    let opened: OpenSprint | undefined
    // What `onOpen` needs (the sync chunk) loads while the document does.
    const opening = takeEarlyOpen(sprintId) ?? OpenSprint.open(sprintId)
    Promise.all([opening, prepare?.()]).then(
      ([sprint]) => {
        opened = sprint
        if (isCancelled) {
          void sprint.close()
          return
        }
        if (readMeta(sprint.doc).id === '') {
          setState({ status: 'missing' })
          return
        }
        onOpen?.(sprint)
        setState({ status: 'ready', sprint })
      },
      (err: unknown) => {
        // The document may have opened while what `onOpen` needs failed: close it.
        void opening.then((s) => s.close()).catch(() => undefined)
        if (!isCancelled) setState({ status: 'error', message: String(err) })
      },
    )
    return () => {
      isCancelled = true
      void opened?.close()
    }
    // onOpen and prepare are read once per open sprint on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sprintId])
  return state
}
