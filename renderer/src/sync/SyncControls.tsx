import { useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { SprintSync } from './sprint-sync'
import type { SettingsStore } from './sync-settings'
import { ConnectionIndicator } from './ConnectionIndicator'
import { PresenceBar, type FollowControls } from './PresenceBar'
import { SharePanel } from './SharePanel'
import { usePeers, useSyncStatus } from './useSync'

/**
 * The sprint header's sync controls (for `SprintHeader`'s `headerExtras` slot): connection
 * indicator, who is here, the share button with its panel and, when `onOpenSettings` is given,
 * the sync settings button (opening the settings closes the panel).
 */
export function SyncControls(props: {
  sync: SprintSync
  settings: SettingsStore
  copy: (text: string) => Promise<void>
  onOpenSettings?: () => void
  /** Following people from the presence bar (see `PresenceBar`). */
  follow?: FollowControls
}) {
  const { onOpenSettings } = props
  const state = useSyncExternalStore(props.sync.store.subscribe, props.sync.store.getSnapshot)
  const settings = useSyncExternalStore(
    props.settings.store.subscribe,
    props.settings.store.getSnapshot,
  )
  const status = useSyncStatus(state.session)
  const peers = usePeers(state.session)
  const [isOpen, setOpen] = useState(false)
  const shareButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    state.session?.setUser(settings.user)
  }, [state.session, settings.user])
  const openSettings = (isFromPanel: boolean): void => {
    // The settings dialog gives the focus back to what had it when it opened: from the panel,
    // that is the Share button (the panel's own button goes with the panel).
    if (isFromPanel) shareButton.current?.focus()
    setOpen(false)
    onOpenSettings?.()
  }
  return (
    <div className="sync-controls">
      <ConnectionIndicator status={status} />
      <PresenceBar peers={peers} follow={props.follow} />
      <button
        ref={shareButton}
        type="button"
        aria-expanded={isOpen}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        {state.phase === 'live' ? 'Shared' : 'Share'}
      </button>
      {onOpenSettings && (
        <button
          type="button"
          className="icon-button"
          aria-label="Sync settings"
          title="Sync settings (your name, colour, signaling servers)"
          onClick={() => openSettings(false)}
        >
          ⚙
        </button>
      )}
      {isOpen && (
        <SharePanel
          state={state}
          reach={props.sync.reach()}
          copy={props.copy}
          onShare={() => void props.sync.share()}
          onStop={() => void props.sync.stop()}
          onLeave={() => void props.sync.leave()}
          onOpenSettings={onOpenSettings && (() => openSettings(true))}
          onClose={() => {
            setOpen(false)
            shareButton.current?.focus()
          }}
        />
      )}
    </div>
  )
}
