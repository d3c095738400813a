import type { Awareness } from 'y-protocols/awareness'
import { presenceStateSchema, type Peer } from '../../../shared/sync'

/** How often this peer re-publishes its presence while nothing else changes it. */
export const HEARTBEAT_MS = 1000

/**
 * How long a remote presence stays shown without news from it: a peer whose app crashed, whose
 * laptop closed or whose network went disappears after this (one that closes the app says so at
 * once). Over three heartbeats, so a busy machine's late timer does not make a present colleague
 * flicker.
 */
export const PRESENCE_TIMEOUT_MS = 3500

/**
 * Who is here, from the awareness states as they actually arrive: this peer's presence is
 * re-published every {@link HEARTBEAT_MS} (y-protocols renews it only every 15 s), a remote one
 * not heard of for {@link PRESENCE_TIMEOUT_MS} is taken off the list (y-protocols waits 30 s), and
 * one person shows once: of the states of one device (a page reloaded within seconds leaves the
 * earlier load's state behind), only the newest counts, and on my own device only mine.
 *
 * The expiry is local: it is not broadcast (each peer judges its own links), and a state heard of
 * again comes back. States without a device (peers of earlier versions, which do not heartbeat)
 * keep y-protocols' own 30 s timeout.
 */
export class PresenceTracker {
  private snapshot: readonly Peer[] = []

  constructor(
    private readonly awareness: Awareness,
    private readonly device: string,
  ) {
    this.snapshot = this.compute()
  }

  /**
   * Call a few times a second: heartbeats my presence when due (stamped with my clock, from
   * which the others tell how far it is from theirs) and expires silent remote ones (the
   * awareness `change` event tells of the removal).
   */
  tick(now = Date.now()): void {
    const own = this.awareness.meta.get(this.awareness.clientID)
    const state: unknown = this.awareness.getLocalState()
    if (state !== null && own && now - own.lastUpdated >= HEARTBEAT_MS) {
      this.awareness.setLocalState({ ...(state as Record<string, unknown>), clock: now })
    }
    const silent: number[] = []
    for (const [clientId, meta] of this.awareness.meta) {
      if (clientId === this.awareness.clientID || !this.awareness.states.has(clientId)) continue
      if (now - meta.lastUpdated < PRESENCE_TIMEOUT_MS) continue
      if (presenceStateSchema.safeParse(this.awareness.states.get(clientId)).data?.device) {
        silent.push(clientId)
      }
    }
    if (silent.length > 0) expireQuietly(this.awareness, silent)
  }

  /**
   * The WebRTC links to these y-webrtc peers closed: their presence goes now (it comes back with
   * their next heartbeat if they are still reachable through someone else).
   */
  linksClosed(peerIds: readonly string[]): void {
    if (peerIds.length === 0) return
    const gone: number[] = []
    for (const [clientId, raw] of this.awareness.getStates()) {
      const peer = presenceStateSchema.safeParse(raw).data?.peer
      if (peer !== undefined && peerIds.includes(peer)) gone.push(clientId)
    }
    if (gone.length > 0) expireQuietly(this.awareness, gone)
  }

  /** Recomputes the list (call on the awareness `change` event); true when it changed. */
  refresh(): boolean {
    const next = this.compute()
    if (samePeers(next, this.snapshot)) return false
    this.snapshot = next
    return true
  }

  /** Everyone present with a valid state, one per device, me first. */
  get peers(): readonly Peer[] {
    return this.snapshot
  }

  private compute(): Peer[] {
    const me = this.awareness.clientID
    const byDevice = new Map<string, { peer: Peer; heardAt: number }>()
    for (const [clientId, raw] of this.awareness.getStates()) {
      const parsed = presenceStateSchema.safeParse(raw)
      if (!parsed.success) continue
      const isSelf = clientId === me
      const device = isSelf ? this.device : (parsed.data.device ?? `client:${clientId}`)
      const heardAt = isSelf ? Infinity : (this.awareness.meta.get(clientId)?.lastUpdated ?? 0)
      const kept = byDevice.get(device)
      const isOlder =
        kept !== undefined &&
        (kept.heardAt > heardAt || (kept.heardAt === heardAt && kept.peer.clientId > clientId))
      if (isOlder) continue
      byDevice.set(device, { peer: { ...parsed.data, clientId, isSelf }, heardAt })
    }
    return [...byDevice.values()]
      .map((v) => v.peer)
      .sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId)
  }
}

/**
 * Takes remote states off this peer's awareness without telling the others (y-protocols'
 * `removeAwarenessStates` emits `update`, which y-webrtc broadcasts to everyone). The clocks stay
 * in `meta`, so a late relayed copy of the same state is still refused and only news brings it
 * back; listeners of `change` hear of the removal.
 */
export function expireQuietly(awareness: Awareness, clientIds: readonly number[]): void {
  const removed = clientIds.filter((id) => id !== awareness.clientID && awareness.states.delete(id))
  if (removed.length > 0) {
    awareness.emit('change', [{ added: [], updated: [], removed }, 'expired'])
  }
}

function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]
      return (
        q !== undefined &&
        p.clientId === q.clientId &&
        p.editing === q.editing &&
        p.view?.team === q.view?.team &&
        p.view?.item === q.view?.item &&
        p.presenting === q.presenting &&
        p.user.name === q.user.name &&
        p.user.color === q.user.color &&
        p.user.handle === q.user.handle
      )
    })
  )
}
