import { useEffect, useSyncExternalStore } from 'react'
import { platform } from '../platform'
import type { OpenSprint } from '../store/open-sprint'
import { SyncControls } from '../sync/SyncControls'
import type { SyncWiring } from './sync-wiring'

/**
 * The sprint header's sync area: connection, who is here, Share, and sync settings. Also tells
 * the others which item this person is editing (the focused item row).
 */
export function SprintSyncBar(props: { wiring: SyncWiring; sprint: OpenSprint }) {
  const sync = props.wiring.syncOf(props.sprint)
  const state = useSyncExternalStore(
    sync?.store.subscribe ?? noSubscribe,
    sync?.store.getSnapshot ?? noSnapshot,
  )
  const session = state?.session

  useEffect(() => {
    if (!session) return
    const rowOf = (el: EventTarget | null): string | null =>
      el instanceof Element
        ? (el.closest('[data-item-row]')?.getAttribute('data-item-row') ?? null)
        : null
    const onFocus = (e: FocusEvent): void => session.setEditing(rowOf(e.target))
    const onBlur = (e: FocusEvent): void => {
      if (rowOf(e.relatedTarget) === null) session.setEditing(null)
    }
    document.addEventListener('focusin', onFocus)
    document.addEventListener('focusout', onBlur)
    return () => {
      document.removeEventListener('focusin', onFocus)
      document.removeEventListener('focusout', onBlur)
    }
  }, [session])

  if (!sync) return null
  return (
    <div className="sprint-sync-bar">
      <SyncControls
        sync={sync}
        settings={props.wiring.settings}
        copy={(t) => platform.copyText(t)}
        onOpenSettings={() => props.wiring.show({ kind: 'settings' })}
      />
    </div>
  )
}

const noSubscribe = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
