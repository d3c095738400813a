import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CHECK_MS, RelayLinks, type RelayingProvider } from '../../../renderer/src/sync/relay-links'
import { LinkMonitor } from '../../../renderer/src/sync/link-monitor'
import { expireQuietly } from '../../../renderer/src/sync/presence-tracker'
import { presenceStateSchema } from '../../../shared/sync'
import { MESSAGE, SYNC } from '../../../shared/sync/guard'

/** A provider whose room holds fake connections that record what is sent over them. */
function world(ids: string[]) {
  const sent = new Map<string, Uint8Array[]>(ids.map((id) => [id, []]))
  const conns = new Map(
    ids.map((id) => [
      id,
      {
        remotePeerId: id,
        closed: false,
        peer: { send: (m: Uint8Array) => sent.get(id)?.push(m), destroy: () => undefined },
      },
    ]),
  )
  const provider = { room: { peerId: 'me', webrtcConns: conns } } as unknown as RelayingProvider
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { name: 'Me', color: '#0090ff', handle: '' }, editing: null })
  return { provider, doc, awareness, sent, conns }
}

/** Another peer's presence, as it arrives: its peer id and the links it publishes. */
function hear(awareness: Awareness, peer: string, links: string[]): void {
  const other = new Awareness(new Y.Doc())
  other.setLocalState({
    user: { name: peer, color: '#e5484d', handle: '' },
    editing: null,
    peer,
    links,
  })
  applyAwarenessUpdate(awareness, encodeAwarenessUpdate(other, [other.clientID]), 'remote')
  other.destroy()
}

describe('RelayLinks', () => {
  it('relays to a neighbour only without a direct link, and only the smallest id in between', () => {
    const { provider, doc, awareness } = world(['a', 'b', 'c'])
    const relays = new RelayLinks(provider, awareness, doc, () => ['a', 'b', 'c'])
    expect(provider.relayTo).toBe(relays.relayTo)
    // Nothing published yet (just connected, or an earlier version): everything is relayed.
    expect(relays.relayTo('a', 'b')).toBe(true)
    hear(awareness, 'a', ['b', 'c', 'me'])
    expect(relays.relayTo('a', 'b')).toBe(true)
    hear(awareness, 'b', ['a', 'me'])
    // Both say they are linked: never relayed.
    expect(relays.relayTo('a', 'b')).toBe(false)
    expect(relays.relayTo('b', 'a')).toBe(false)
    // c has no link to b. a is linked to both and its id is smaller than mine: a relays, not me.
    hear(awareness, 'c', ['a', 'me'])
    expect(relays.relayTo('b', 'c')).toBe(false)
    expect(relays.relayTo('c', 'b')).toBe(false)
    // a lost its link to c (a says so first): I am the one left in between.
    hear(awareness, 'a', ['b', 'me'])
    expect(relays.relayTo('b', 'c')).toBe(true)
    expect(relays.relayTo('c', 'b')).toBe(true)
    expect(relays.relayTo('a', 'c')).toBe(true)
    relays.destroy()
    expect(provider.relayTo).toBeUndefined()
  })

  it('publishes its live links in its presence, valid for the presence guard', () => {
    const { provider, doc, awareness } = world(['a', 'b'])
    let live = ['a']
    const relays = new RelayLinks(provider, awareness, doc, () => live)
    let changes = 0
    awareness.on('update', () => changes++)
    relays.refresh()
    expect(awareness.getLocalState()?.links).toEqual(['a'])
    expect(presenceStateSchema.safeParse(awareness.getLocalState()).success).toBe(true)
    relays.refresh()
    expect(changes).toBe(1)
    live = ['a', 'b']
    relays.refresh()
    expect(awareness.getLocalState()?.links).toEqual(['a', 'b'])
    expect(changes).toBe(2)
    expect(relays.resyncs).toBe(0)
  })

  it('asks a peer left for what it lacks when a link goes, after publishing it', () => {
    const { provider, doc, awareness, sent } = world(['a', 'b', 'c'])
    doc.getText('t').insert(0, 'hello')
    let live = ['a', 'b', 'c']
    const relays = new RelayLinks(
      provider,
      awareness,
      doc,
      () => live,
      () => 0.9,
    )
    relays.refresh()
    live = ['a', 'c']
    relays.refresh()
    expect(awareness.getLocalState()?.links).toEqual(['a', 'c'])
    expect(relays.resyncs).toBe(1)
    // One of the peers left (here, by the random number, c), none of the others.
    expect(sent.get('a')).toEqual([])
    expect(sent.get('b')).toEqual([])
    const [message, ...more] = sent.get('c') ?? []
    if (!message) throw new Error('nothing sent to c')
    expect(more).toEqual([])
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE.sync)
    expect(decoding.readVarUint(decoder)).toBe(SYNC.step1)
    // Our state vector: the peer answers with what it lacks.
    expect(Y.decodeStateVector(decoding.readVarUint8Array(decoder))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(doc)),
    )
    // A link coming back is synced by y-webrtc's own handshake: no extra request.
    live = ['a', 'b', 'c']
    relays.refresh()
    expect(relays.resyncs).toBe(1)
  })

  it('publishes the links that delivered, not y-webrtc’s connected flags', () => {
    const { provider, doc, awareness, conns } = world(['a', 'b', 'c'])
    const monitor = new LinkMonitor(provider)
    monitor.heard(conns.get('c') as never)
    monitor.heard(conns.get('a') as never)
    const relays = new RelayLinks(provider, awareness, doc, () => monitor.linkedIds())
    relays.refresh()
    expect(awareness.getLocalState()?.links).toEqual(['a', 'c'])
  })

  it('every CHECK_MS asks one linked peer at random for what it lacks', () => {
    const { provider, doc, awareness, sent } = world(['a', 'b', 'c'])
    const relays = new RelayLinks(
      provider,
      awareness,
      doc,
      () => ['a', 'b', 'c'],
      () => 0.5,
    )
    const t0 = Date.now()
    relays.refresh(t0)
    expect([...sent.values()].flat()).toEqual([])
    relays.refresh(t0 + CHECK_MS)
    expect(sent.get('b')).toHaveLength(1)
    expect([...sent.values()].flat()).toHaveLength(1)
    relays.refresh(t0 + CHECK_MS + 1000)
    expect([...sent.values()].flat()).toHaveLength(1)
  })

  it('keeps a peer’s links when its presence expires (late heartbeats on a busy machine)', () => {
    const { provider, doc, awareness } = world(['a', 'b'])
    const relays = new RelayLinks(provider, awareness, doc, () => ['a', 'b'])
    hear(awareness, 'a', ['b', 'me'])
    hear(awareness, 'b', ['a', 'me'])
    expect(relays.relayTo('a', 'b')).toBe(false)
    expireQuietly(awareness, [...awareness.getStates().keys()])
    expect(awareness.getStates().size).toBe(1)
    expect(relays.relayTo('a', 'b')).toBe(false)
  })
})
