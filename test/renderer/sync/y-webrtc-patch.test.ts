import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebrtcProvider, type WebrtcConn } from 'y-webrtc'
import * as bc from 'lib0/broadcastchannel'
import * as awarenessProtocol from 'y-protocols/awareness'

/**
 * y-webrtc is used with two fixes, in patches/y-webrtc+10.3.0.patch (applied by `patch-package`
 * on `npm install` / `npm ci`): of two peers, only the smaller peer id makes WebRTC offers, so two
 * peers announcing themselves at once never both make one (glare left such pairs stuck; the
 * end-to-end test "keeps syncing when both drop their link at the same moment" shows it working),
 * and what a peer receives is relayed to the others only where needed (below; the end-to-end
 * test p2p-relay.test.ts shows it between browsers).
 */
describe('y-webrtc as installed', () => {
  it('carries the Sprintpad patch (run npm install if not)', () => {
    const dir = resolve(import.meta.dirname, '../../../node_modules/y-webrtc')
    const pkg = resolve(dir, 'package.json')
    const source = readFileSync(resolve(dir, 'src/y-webrtc.js'), 'utf8')
    expect(source).toContain('Sprintpad patch: of two peers, only the one with the smaller peer id')
    expect(source).toContain('Sprintpad patch: sends message `m`, caused by a change')
    expect(JSON.parse(readFileSync(pkg, 'utf8')).version).toBe('10.3.0')
  })
})

describe('y-webrtc presence relaying (patched)', () => {
  it('sends its own presence changes to the room, never a peer’s on to the others', async () => {
    const doc = new Y.Doc()
    const provider = new WebrtcProvider(`relay-test-${Math.random().toString(36).slice(2)}`, doc, {
      signaling: [],
    })
    // The room opens once its (here absent) key is derived.
    for (let i = 0; i < 100 && !provider.room; i++) await new Promise((r) => setTimeout(r, 10))
    const room = provider.room
    if (!room) throw new Error('the room did not open')
    const sent: Uint8Array[] = []
    const onMessage = (data: unknown): void => {
      if (data instanceof Uint8Array || data instanceof ArrayBuffer) sent.push(new Uint8Array(data))
    }
    bc.subscribe(room.name, onMessage)
    try {
      const settle = () => new Promise((r) => setTimeout(r, 50))
      await settle()
      sent.length = 0
      // My own change: published.
      provider.awareness.setLocalStateField('user', { name: 'Ana' })
      await settle()
      expect(sent.length).toBe(1)
      // A peer's presence, as y-webrtc applies it (origin: the room): not sent on.
      const other = new awarenessProtocol.Awareness(new Y.Doc())
      other.setLocalState({ user: { name: 'Ben' } })
      const update = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID])
      awarenessProtocol.applyAwarenessUpdate(provider.awareness, update, room)
      await settle()
      expect(provider.awareness.getStates().has(other.clientID)).toBe(true)
      expect(sent.length).toBe(1)
      other.destroy()
    } finally {
      bc.unsubscribe(room.name, onMessage)
      provider.destroy()
      doc.destroy()
    }
  })
})

/** A provider with no signaling whose room holds fake connections recording what they are sent. */
async function roomWithConns(ids: string[]) {
  const doc = new Y.Doc()
  const provider = new WebrtcProvider(`relay-test-${Math.random().toString(36).slice(2)}`, doc, {
    signaling: [],
  }) as WebrtcProvider & { relayTo?: (from: string, to: string) => boolean }
  for (let i = 0; i < 100 && !provider.room; i++) await new Promise((r) => setTimeout(r, 10))
  const room = provider.room as
    (NonNullable<typeof provider.room> & { readingFrom: string | undefined }) | null
  if (!room) throw new Error('the room did not open')
  const sent: string[] = []
  for (const id of ids) {
    const conn = {
      remotePeerId: id,
      peer: { send: () => sent.push(id), destroy: () => undefined },
      destroy: () => undefined,
    }
    room.webrtcConns.set(id, conn as unknown as WebrtcConn)
  }
  /** Applies an update as y-webrtc does when it reads one from peer `from`. */
  const receive = (update: Uint8Array, from: string): void => {
    room.readingFrom = from
    try {
      Y.applyUpdate(doc, update, room)
    } finally {
      room.readingFrom = undefined
    }
  }
  const destroy = (): void => {
    room.webrtcConns.clear()
    provider.destroy()
    doc.destroy()
  }
  return { doc, provider, room, sent, receive, destroy }
}

/** An update of a fresh client: one insertion. */
function someUpdate(text: string): Uint8Array {
  const other = new Y.Doc()
  other.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(other)
}

describe('y-webrtc document relaying (patched)', () => {
  it('relays an update read from a peer only where relayTo says, never back to it', async () => {
    const w = await roomWithConns(['a', 'b', 'c'])
    try {
      w.provider.relayTo = (_from, to) => to !== 'b'
      w.receive(someUpdate('x'), 'a')
      expect(w.sent).toEqual(['c'])
      // A local edit goes to everyone.
      w.sent.length = 0
      w.doc.getText('t').insert(0, 'mine')
      expect(w.sent.sort()).toEqual(['a', 'b', 'c'])
      // An update already known changes nothing and is not sent at all.
      w.sent.length = 0
      w.receive(Y.encodeStateAsUpdate(w.doc), 'c')
      expect(w.sent).toEqual([])
    } finally {
      w.destroy()
    }
  })

  it('without relayTo relays remote updates to every peer, as y-webrtc does', async () => {
    const w = await roomWithConns(['a', 'b'])
    try {
      w.receive(someUpdate('y'), 'a')
      expect(w.sent.sort()).toEqual(['a', 'b'])
    } finally {
      w.destroy()
    }
  })

  it('relays a peer’s presence only where relayTo says', async () => {
    const w = await roomWithConns(['a', 'b', 'c'])
    try {
      w.provider.relayTo = (_from, to) => to === 'c'
      const other = new awarenessProtocol.Awareness(new Y.Doc())
      other.setLocalState({ user: { name: 'Ben' } })
      const update = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID])
      w.room.readingFrom = 'a'
      awarenessProtocol.applyAwarenessUpdate(w.provider.awareness, update, w.room)
      w.room.readingFrom = undefined
      expect(w.sent).toEqual(['c'])
      other.destroy()
    } finally {
      w.destroy()
    }
  })
})
