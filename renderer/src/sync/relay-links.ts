import type * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import type { Awareness } from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { MESSAGE } from '../../../shared/sync/guard'

/**
 * y-webrtc with the Sprintpad patch's relay hook (patches/y-webrtc+10.3.0.patch): a document
 * update read from peer `from` is sent on to peer `to` only if `relayTo(from, to)` is true.
 */
export type RelayingProvider = WebrtcProvider & {
  relayTo?: (from: string, to: string) => boolean
}

/**
 * How often a peer asks one of its peers, at random, for anything it lacks: whatever relaying
 * on links the others had not yet heard change missed arrives within this time.
 */
export const CHECK_MS = 10_000

/**
 * Relays what a peer receives (edits and presence) only to the peers that may lack it.
 *
 * y-webrtc sends every update it receives on to every other peer, so that a partial mesh still
 * spreads edits. In the full mesh a planning room forms, each keystroke was then sent about N²
 * times and read N − 1 times by every peer: at 20 peers, 19 copies of every key to decode, check
 * and apply. Here every peer publishes in its presence the peers it has a working link to (open,
 * and a message arrived over it: `links`). A peer that reads an update from `from` sends it on
 * to a neighbour `to` only if they do not both say they are linked to each other (else `from`
 * sent it to `to` itself), and then only if it has the smallest peer id of those both say they
 * are linked to (else each of them would send a copy). A neighbour that has published nothing
 * yet (just connected, or an earlier version) gets everything, as before.
 *
 * Links change before everyone hears of it, which can leave a gap (updates nobody relayed). So a
 * peer that loses a link asks one of its remaining peers for what it lacks (a sync step 1, which
 * is answered with the difference), after publishing its new links on the same ordered channel;
 * and every {@link CHECK_MS} each peer asks one linked peer at random.
 *
 * Trust: a peer could claim links it does not have and so receive fewer relays; it can only
 * make itself miss edits (everyone in the room holds the secret and may edit anyway).
 */
export class RelayLinks {
  private published = ''
  private checkedAt = Date.now()
  /**
   * Every peer's links as it last published them, by its peer id. Kept when its presence
   * expires: on a machine too busy to deliver heartbeats on time, presences come and go, and
   * forgetting their links would turn relaying back on for everyone just when it costs most.
   */
  private readonly linksByPeer = new Map<string, ReadonlySet<string>>()
  /** Times this peer asked a peer for what it lacks after losing a link. For tests. */
  resyncs = 0

  constructor(
    private readonly provider: RelayingProvider,
    private readonly awareness: Awareness,
    private readonly doc: Y.Doc,
    /** This peer's working links, by peer id (the link monitor's judgement). */
    private readonly linkedPeers: () => string[],
    private readonly random: () => number = Math.random,
  ) {
    provider.relayTo = this.relayTo
    this.learn([...awareness.getStates().keys()])
    awareness.on('change', this.onChange)
  }

  /**
   * Publishes this peer's links when they changed, and every {@link CHECK_MS} asks one linked
   * peer at random for anything it lacks; call on every tick.
   */
  refresh(now = Date.now()): void {
    const state = this.awareness.getLocalState()
    if (state === null || !this.provider.room) return
    const links = this.linkedPeers()
    if (now - this.checkedAt >= CHECK_MS && links.length > 0) {
      this.checkedAt = now
      this.askOneOf(links)
    }
    const key = links.join(' ')
    if (key === this.published) return
    const lost =
      this.published !== '' && this.published.split(' ').some((id) => !links.includes(id))
    this.published = key
    this.awareness.setLocalStateField('links', links)
    if (lost) {
      // One peer is enough: all hold everything but what relaying missed, and the periodic
      // check covers the rest (asking all, on a busy machine whose links come and go, cost more
      // than the relays saved).
      this.resyncs++
      this.askOneOf(links)
    }
  }

  /** Whether an update read from peer `from` is sent on to peer `to`. */
  readonly relayTo = (from: string, to: string): boolean => {
    const byPeer = this.linksByPeer
    const toLinks = byPeer.get(to)
    const fromLinks = byPeer.get(from)
    // Either published nothing yet (just connected, or an earlier version): relay.
    if (!toLinks || !fromLinks) return true
    if (toLinks.has(from) && fromLinks.has(to)) return false
    // No direct link: of the peers linked to both (as all three say), the smallest id relays
    // (else each of them would: N − 2 copies).
    const me = this.provider.room?.peerId
    if (me === undefined) return true
    for (const p of toLinks) {
      const own = byPeer.get(p)
      if (p < me && fromLinks.has(p) && own?.has(from) === true && own.has(to)) return false
    }
    return true
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    if (this.provider.relayTo === this.relayTo) delete this.provider.relayTo
  }

  private readonly onChange = (changes: { added: number[]; updated: number[] }): void => {
    this.learn([...changes.added, ...changes.updated])
  }

  /** Reads the links these clients publish (states that passed the presence guard). */
  private learn(clientIds: readonly number[]): void {
    for (const clientId of clientIds) {
      if (clientId === this.awareness.clientID) continue
      const s = this.awareness.getStates().get(clientId) as
        { peer?: unknown; links?: unknown } | undefined
      if (typeof s?.peer !== 'string' || !Array.isArray(s.links)) continue
      this.linksByPeer.set(
        s.peer,
        new Set(s.links.filter((l): l is string => typeof l === 'string')),
      )
    }
  }

  /** Asks one of these peers, at random, for the updates this one lacks (sync step 1). */
  private askOneOf(peers: readonly string[]): void {
    const id = peers[Math.floor(this.random() * peers.length)]
    const conn = id === undefined ? undefined : this.provider.room?.webrtcConns.get(id)
    if (!conn) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    try {
      ;(conn.peer as { send: (m: Uint8Array) => void }).send(encoding.toUint8Array(encoder))
    } catch {
      // A link closing meanwhile: its own reconnection syncs it.
    }
  }
}
