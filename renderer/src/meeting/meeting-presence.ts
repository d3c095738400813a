import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Peer, PresenceUser } from '../../../shared/sync'
import { peerClock, type ClockKnowledge } from '../../../shared/meeting'
import type { PeerClock } from '../../../shared/doc'
import type { ExternalStore } from '../store/useY'
import { deviceId } from '../sync/device-id'

/**
 * What meeting mode needs of presence, whether the sprint is shared or not: who this device is,
 * who is here (for attendance), and how far the others' clocks are from ours (for the timer). The
 * sync part of the app provides it through the `meetingPresence` extension; a sprint that is not
 * shared has only this device.
 */
export interface MeetingPresence {
  device: string
  /** Everyone present, me first (empty when the sprint is not shared). */
  peers: readonly Peer[]
  /** Offsets to add to our clock to read each device's, by device id. */
  offsets: ReadonlyMap<string, number>
  /** How I appear (name, handle), for attendance when nobody else is here. */
  user: PresenceUser | undefined
}

const ALONE: MeetingPresence = {
  device: deviceId(),
  peers: [],
  offsets: new Map(),
  user: undefined,
}

/** A sprint that is not shared: only this device. */
export const ALONE_STORE: ExternalStore<MeetingPresence> = {
  subscribe: () => () => undefined,
  getSnapshot: () => ALONE,
}

/** The presence store of the open sprint (set by the sprint view from its extensions). */
export const MeetingPresenceContext = createContext<ExternalStore<MeetingPresence>>(ALONE_STORE)

export function useMeetingPresence(): MeetingPresence {
  const store = useContext(MeetingPresenceContext)
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** What this peer knows of the clocks around it. */
export function clockKnowledge(p: MeetingPresence): ClockKnowledge {
  return {
    self: p.device,
    offsets: p.offsets,
    present: p.peers.map((peer) => peer.device ?? `client:${peer.clientId}`),
  }
}

/** This peer's clock now, able to read the others' (see `shared/meeting/clock.ts`). */
export function clockNow(p: MeetingPresence): PeerClock {
  return peerClock(Date.now(), clockKnowledge(p))
}
