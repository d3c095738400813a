import { useSyncExternalStore } from 'react'
import type { Peer } from '../../../shared/sync'
import type { SyncSession, SyncStatus } from './sync-session'

const NO_PEERS: readonly Peer[] = []
const noop = (): (() => void) => () => undefined

/** The session's connection status (`undefined` when the sprint is not shared). */
export function useSyncStatus(session: SyncSession | undefined): SyncStatus | undefined {
  return useSyncExternalStore(session ? session.statusStore.subscribe : noop, () =>
    session?.statusStore.getSnapshot(),
  )
}

/** Everyone present with a valid presence state, me first (empty when not shared). */
export function usePeers(session: SyncSession | undefined): readonly Peer[] {
  return useSyncExternalStore(
    session ? session.peersStore.subscribe : noop,
    () => session?.peersStore.getSnapshot() ?? NO_PEERS,
  )
}
