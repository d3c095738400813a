/**
 * Peer-to-peer sync of an open sprint (y-webrtc with the room secret, the hostile-peer guard,
 * presence). Integration points for the app:
 *
 * - Per open sprint: `const sync = new SprintSync(sprint.id, sprint.doc, platform, () =>
 *   settings.store.getSnapshot())`, `sprint.attach(sync)`, `void sync.resume()` (rejoins a sprint
 *   that has a stored room), and `<SyncControls sync={sync} settings={settings}
 *   copy={platform.copyText} />` in `SprintHeader`'s `headerExtras` slot.
 * - One `SettingsStore` for the app; `<SyncSettingsForm>` in the settings screen.
 * - "Join a sprint": `<JoinDialog settings onJoined onClose initialInput>`; `platform.onOpenLink`
 *   opens it with the link. In `onJoined(fetched, info)`: open the sprint `fetched.sprintId`,
 *   `Y.applyUpdate(sprint.doc, fetched.update)`, add it to the registry, then
 *   `sync.joined(info)` on that sprint's `SprintSync`.
 * - Items: `session.setEditing(itemId | null)` on focus/blur, `<ItemEditors peers itemId>` next
 *   to the item, `<TeamPresence peers members>` in a team panel (peers from `usePeers`).
 */
export { SprintSync, type SprintSyncState } from './sprint-sync'
export { SyncSession, type SyncStatus, type SyncSessionOptions } from './sync-session'
export { SettingsStore, loadSettings, type SyncSettings } from './sync-settings'
export { fetchSharedSprint, type FetchedSprint } from './join'
export { shareSprint, stopSharing, type ShareDetails, type SyncPlatform } from './rooms'
export type { Rejection } from './guard-conns'
export { usePeers, useSyncStatus } from './useSync'
export { SyncControls } from './SyncControls'
export { SharePanel } from './SharePanel'
export { JoinDialog } from './JoinDialog'
export { SyncSettingsForm } from './SyncSettingsForm'
export { ConnectionIndicator } from './ConnectionIndicator'
export { PresenceBar } from './PresenceBar'
export { ItemEditors } from './ItemEditors'
export { TeamPresence } from './TeamPresence'
