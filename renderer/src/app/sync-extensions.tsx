import type { SprintRegistry } from '../store/registry'
import type { SprintExtensions } from './extensions'
import { ItemPresence } from './ItemPresence'
import { SprintSyncBar } from './SprintSyncBar'
import { TeamPresenceHere } from './TeamPresenceHere'
import { SyncDialogs } from './SyncDialogs'
import type { SyncWiring } from './sync-wiring'
import { meetingPresenceStore } from './meeting-presence-store'

/**
 * Plugs peer-to-peer sync into the app through its extension points: a sync per open sprint,
 * the sync bar in the sprint header, "Join a sprint" and "Sync settings" on the sprints list, and
 * the app-wide dialogs (also opened by a `sprintpad://join/…` link).
 */
export function syncExtensions(wiring: SyncWiring, registry: SprintRegistry): SprintExtensions {
  return {
    onSprintOpen: (sprint) => wiring.open(sprint),
    headerExtras: (sprint) => <SprintSyncBar wiring={wiring} sprint={sprint} />,
    homeActions: (
      <>
        <button type="button" onClick={() => wiring.show({ kind: 'settings' })}>
          Sync settings…
        </button>
        <button type="button" onClick={() => wiring.show({ kind: 'join' })}>
          Join a sprint…
        </button>
      </>
    ),
    appExtras: <SyncDialogs wiring={wiring} registry={registry} />,
    itemExtras: (sprint, itemId) => (
      <ItemPresence wiring={wiring} sprint={sprint} itemId={itemId} />
    ),
    meetingPresence: (sprint) => meetingPresenceStore(wiring, sprint),
    teamExtras: (sprint, teamId) => (
      <TeamPresenceHere wiring={wiring} sprint={sprint} teamId={teamId} />
    ),
    myHandle: () => wiring.settings.store.getSnapshot().user.handle,
  }
}
