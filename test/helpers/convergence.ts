import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { expect } from 'vitest'
import { createSprint, readSprint, type SprintView } from '../../shared/doc'

/** Origin of updates delivered by the harness (never tracked by undo managers). */
export const NETWORK_ORIGIN = Object.freeze({ name: 'test:network' })

/** One simulated peer: a doc, its inbox of undelivered updates, and whether it is online. */
export interface Peer {
  index: number
  doc: Y.Doc
  inbox: Uint8Array[]
  online: boolean
}

/**
 * A simulated network of N docs in the spirit of Yjs's own `applyRandomTests`: every local update
 * is queued for every other peer; the test decides when (and whether twice) each is delivered,
 * and peers go offline (their traffic is dropped, as on a real disconnect) and come back (state
 * vector sync, as y-webrtc does on connect).
 */
export class Network {
  readonly peers: Peer[]
  constructor(
    n: number,
    readonly gen: prng.PRNG,
  ) {
    this.peers = Array.from({ length: n }, (_, index) => {
      const doc = new Y.Doc()
      doc.clientID = index + 1 // deterministic conflict resolution, so a seed replays exactly
      const peer: Peer = { index, doc, inbox: [], online: true }
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK_ORIGIN || !peer.online) return
        for (const other of this.peers) if (other !== peer && other.online) other.inbox.push(update)
      })
      return peer
    })
  }

  /** Delivers one random pending update to a random online peer; sometimes twice (duplicate). */
  deliverOne(): boolean {
    const ready = this.peers.filter((p) => p.online && p.inbox.length > 0)
    if (ready.length === 0) return false
    const peer = prng.oneOf(this.gen, ready)
    const i = prng.uint32(this.gen, 0, peer.inbox.length - 1)
    const [update] = peer.inbox.splice(i, 1)
    if (!update) return false
    Y.applyUpdate(peer.doc, update, NETWORK_ORIGIN)
    if (prng.uint32(this.gen, 0, 9) === 0) Y.applyUpdate(peer.doc, update, NETWORK_ORIGIN)
    return true
  }

  /** Takes a peer offline: what it has not received is lost (it resyncs on reconnect). */
  disconnect(peer: Peer): void {
    peer.online = false
    peer.inbox = []
  }

  /** Brings a peer back: it exchanges state-vector diffs with every online peer. */
  reconnect(peer: Peer): void {
    peer.online = true
    for (const other of this.peers) {
      if (other === peer || !other.online) continue
      syncPair(peer.doc, other.doc)
    }
  }

  /** Reconnects everyone, delivers everything, then a final full pairwise sync. */
  settle(): void {
    for (const p of this.peers) if (!p.online) this.reconnect(p)
    while (this.deliverOne()) {
      /* drain */
    }
    for (const a of this.peers) for (const b of this.peers) if (a !== b) syncPair(a.doc, b.doc)
  }
}

/** Exchanges the missing updates between two docs (sync step 1 + 2 both ways). */
export function syncPair(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), NETWORK_ORIGIN)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), NETWORK_ORIGIN)
}

/** A seeded id generator, so a failing seed replays with the same ids. */
export function idGen(gen: prng.PRNG, prefix: string): () => string {
  let n = 0
  return () => `${prefix}${(n++).toString(36)}-${prng.uint32(gen, 0, 0xffffff).toString(36)}`
}

/** Creates the same starting sprint on peer 0 and syncs it to everyone. */
export function seedSprint(net: Network): void {
  const first = net.peers[0]
  if (!first) throw new Error('no peers')
  createSprint(first.doc, {
    id: 'sprint',
    title: 'Sprint',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    createdAt: 1,
  })
  net.settle()
}

/**
 * Asserts that every peer reads the same sprint and holds the same state vector. On failure the
 * message names the seed, so the case can be replayed.
 */
export function expectConverged(net: Network, seed: number): SprintView {
  const views = net.peers.map((p) => readSprint(p.doc))
  const vectors = net.peers.map((p) => Array.from(Y.encodeStateVector(p.doc)))
  for (let i = 1; i < views.length; i++) {
    expect(views[i], `seed ${seed}: peer ${i} read a different sprint than peer 0`).toEqual(
      views[0],
    )
    expect(vectors[i], `seed ${seed}: peer ${i} has a different state vector`).toEqual(vectors[0])
  }
  return views[0] as SprintView
}
