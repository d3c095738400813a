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
 * Relays remote document updates only to the peers that may lack them.
 *
 * y-webrtc sends every update it receives on to every other peer, so that a partial mesh still
 * spreads edits. In the full mesh a planning room forms, each keystroke was then sent about N²
 * times and read N − 1 times by every peer: at 20 peers, 19 copies of every key to decode, check
 * and apply. Here every peer publishes in its presence the peers it has a live link to
 * (`links`); a peer that reads an update from `from` sends it on to a neighbour `to` unless both
 * say they are linked to each other (then `from` sent it to `to` itself, by this same rule). A
 * neighbour that has published nothing yet (just connected, or an earlier version) gets
 * everything, as before.
 *
 * A link that stops being live can leave a gap: updates its far end sent while the others still
 * believed the link worked. So when one of this peer's links goes, it asks its remaining peers
 * for what it lacks (a sync step 1; each answers with the difference), after publishing the new
 * links on the same ordered channels, so every update they read afterwards is relayed to it.
 *
 * Trust: a peer could claim links it does not have and so receive fewer relays; it can only
 * make itself miss edits (everyone in the room holds the secret and may edit anyway).
 */
export class RelayLinks {
  private published = ''
  private linksByPeer: Map<string, ReadonlySet<string>> | undefined
  /** Times this peer asked the others for what it lacks after losing a link. For tests. */
  resyncs = 0

  constructor(
    private readonly provider: RelayingProvider,
    private readonly awareness: Awareness,
    private readonly doc: Y.Doc,
    /** This peer's live links, by peer id (the link monitor's judgement). */
    private readonly liveLinks: () => string[],
  ) {
    provider.relayTo = this.relayTo
    awareness.on('change', this.invalidate)
  }

  /** Publishes this peer's live links when they changed; call on every tick. */
  refresh(): void {
    const state = this.awareness.getLocalState()
    if (state === null || !this.provider.room) return
    const links = this.liveLinks()
    const key = links.join(' ')
    if (key === this.published) return
    const lost =
      this.published !== '' && this.published.split(' ').some((id) => !links.includes(id))
    this.published = key
    this.awareness.setLocalStateField('links', links)
    if (lost) this.resync(links)
  }

  /** Whether an update read from peer `from` is sent on to peer `to`. */
  readonly relayTo = (from: string, to: string): boolean => {
    const byPeer = (this.linksByPeer ??= this.readLinks())
    return !(byPeer.get(to)?.has(from) === true && byPeer.get(from)?.has(to) === true)
  }

  destroy(): void {
    this.awareness.off('change', this.invalidate)
    if (this.provider.relayTo === this.relayTo) delete this.provider.relayTo
  }

  private readonly invalidate = (): void => {
    this.linksByPeer = undefined
  }

  /** Every peer's published links, by its peer id (states that passed the presence guard). */
  private readLinks(): Map<string, ReadonlySet<string>> {
    const byPeer = new Map<string, ReadonlySet<string>>()
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue
      const s = state as { peer?: unknown; links?: unknown }
      if (typeof s.peer !== 'string' || !Array.isArray(s.links)) continue
      byPeer.set(s.peer, new Set(s.links.filter((l): l is string => typeof l === 'string')))
    }
    return byPeer
  }

  /** Asks every live peer for the updates this one lacks (y-protocols sync step 1). */
  private resync(links: readonly string[]): void {
    const room = this.provider.room
    if (!room) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE.sync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    const message = encoding.toUint8Array(encoder)
    this.resyncs++
    for (const id of links) {
      const conn = room.webrtcConns.get(id)
      try {
        ;(conn?.peer as { send: (m: Uint8Array) => void } | undefined)?.send(message)
      } catch {
        // A link closing meanwhile: its own reconnection syncs it.
      }
    }
  }
}
