import type { SprintRegistry } from '../store/registry'
import type { SprintExtensions } from './extensions'
import { SyncDialogs } from './SyncDialogs'
import type { SyncWiring } from './sync-wiring'
import type * as SprintUi from './sync-sprint-ui'

/**
 * Plugs peer-to-peer sync into the app through its extension points: a sync per open sprint,
 * the sync bar in the sprint header, "Join a sprint" and "Sync settings" on the sprints list, and
 * the app-wide dialogs (also opened by a `sprintpad://join/…` link).
 *
 * What shows inside a sprint, and the sync itself, are chunks loaded by `prepareSprint`, which
 * the sprint view awaits before it shows (the sprints list needs neither).
 */
export function syncExtensions(wiring: SyncWiring, registry: SprintRegistry): SprintExtensions {
  let ui: typeof SprintUi | undefined
  const loaded = (): typeof SprintUi => {
    if (!ui) throw new Error('A sprint showed before prepareSprint() resolved')
    return ui
  }
  return {
    prepareSprint: async () => {
      const [m] = await Promise.all([import('./sync-sprint-ui'), wiring.prepare()])
      ui = m
    },
    onSprintOpen: (sprint) => wiring.open(sprint),
    headerExtras: (sprint) => {
      const { SprintSyncBar } = loaded()
      return <SprintSyncBar wiring={wiring} sprint={sprint} />
    },
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
    itemExtras: (sprint, itemId) => {
      const { ItemPresence } = loaded()
      return <ItemPresence wiring={wiring} sprint={sprint} itemId={itemId} />
    },
    meetingPresence: (sprint) => loaded().meetingPresenceStore(wiring, sprint),
    teamExtras: (sprint, teamId) => {
      const { TeamPresenceHere } = loaded()
      return <TeamPresenceHere wiring={wiring} sprint={sprint} teamId={teamId} />
    },
    myHandle: () => wiring.settings.store.getSnapshot().user.handle,
  }
}
