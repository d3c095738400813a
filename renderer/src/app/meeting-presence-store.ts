import type { MeetingPresence } from '../meeting/meeting-presence'
import type { OpenSprint } from '../store/open-sprint'
import type { ExternalStore } from '../store/useY'
import { deviceId } from '../sync/device-id'
import type { SyncSession } from '../sync/sync-session'
import type { SyncWiring } from './sync-wiring'

const NO_OFFSETS: ReadonlyMap<string, number> = new Map()

/**
 * Meeting mode's view of presence for one open sprint: the live session's people and clock
 * offsets when the sprint is shared, this device alone (named as in the settings) when not. One
 * snapshot object per change of any of them, for `useSyncExternalStore`.
 */
export function meetingPresenceStore(
  wiring: SyncWiring,
  sprint: OpenSprint,
): ExternalStore<MeetingPresence> {
  const sync = wiring.syncOf(sprint)
  let snapshot: MeetingPresence | undefined
  let inputs: unknown[] = []
  const read = (): MeetingPresence => {
    const session: SyncSession | undefined = sync?.store.getSnapshot().session
    const next = [
      session,
      session?.peersStore.getSnapshot(),
      session?.clockStore.getSnapshot(),
      wiring.settings.store.getSnapshot(),
    ]
    if (snapshot && next.every((v, i) => v === inputs[i])) return snapshot
    inputs = next
    snapshot = {
      device: session?.deviceId ?? deviceId(),
      peers: session?.peersStore.getSnapshot() ?? [],
      offsets: session?.clockStore.getSnapshot() ?? NO_OFFSETS,
      user: wiring.settings.store.getSnapshot().user,
    }
    return snapshot
  }
  return {
    subscribe(onChange) {
      let offSession: (() => void)[] = []
      const watchSession = (): void => {
        for (const off of offSession) off()
        const session = sync?.store.getSnapshot().session
        offSession = session
          ? [session.peersStore.subscribe(onChange), session.clockStore.subscribe(onChange)]
          : []
      }
      watchSession()
      const offSync = sync?.store.subscribe(() => {
        watchSession()
        onChange()
      })
      const offSettings = wiring.settings.store.subscribe(onChange)
      return () => {
        for (const off of offSession) off()
        offSync?.()
        offSettings()
      }
    },
    getSnapshot: read,
  }
}
