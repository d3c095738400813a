import { useEffect, useState, useSyncExternalStore } from 'react'
import type { SprintSync } from './sprint-sync'
import type { SettingsStore } from './sync-settings'
import { ConnectionIndicator } from './ConnectionIndicator'
import { PresenceBar } from './PresenceBar'
import { SharePanel } from './SharePanel'
import { usePeers, useSyncStatus } from './useSync'

/**
 * The sprint header's sync controls (for `SprintHeader`'s `headerExtras` slot): connection
 * indicator, who is here, and the share button with its panel.
 */
export function SyncControls(props: {
  sync: SprintSync
  settings: SettingsStore
  copy: (text: string) => Promise<void>
}) {
  const state = useSyncExternalStore(props.sync.store.subscribe, props.sync.store.getSnapshot)
  const settings = useSyncExternalStore(
    props.settings.store.subscribe,
    props.settings.store.getSnapshot,
  )
  const status = useSyncStatus(state.session)
  const peers = usePeers(state.session)
  const [isOpen, setOpen] = useState(false)
  useEffect(() => {
    state.session?.setUser(settings.user)
  }, [state.session, settings.user])
  return (
    <div className="sync-controls">
      <ConnectionIndicator status={status} />
      <PresenceBar peers={peers} />
      <button type="button" aria-expanded={isOpen} onClick={() => setOpen((o) => !o)}>
        {state.phase === 'live' ? 'Shared' : 'Share'}
      </button>
      {isOpen && (
        <SharePanel
          state={state}
          copy={props.copy}
          onShare={() => void props.sync.share()}
          onStop={() => void props.sync.stop()}
          onLeave={() => void props.sync.leave()}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  )
}
