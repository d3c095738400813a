import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import * as bc from 'lib0/broadcastchannel'
import * as awarenessProtocol from 'y-protocols/awareness'

/**
 * y-webrtc is used with two fixes, in patches/y-webrtc+10.3.0.patch (applied by `patch-package`
 * on `npm install` / `npm ci`): of two peers, only the smaller peer id makes WebRTC offers, so two
 * peers announcing themselves at once never both make one (glare left such pairs stuck; the
 * end-to-end test "keeps syncing when both drop their link at the same moment" shows it working),
 * and a peer's presence is not relayed by every other peer (below).
 */
describe('y-webrtc as installed', () => {
  it('carries the Sprintpad patch (run npm install if not)', () => {
    const dir = resolve(import.meta.dirname, '../../../node_modules/y-webrtc')
    const pkg = resolve(dir, 'package.json')
    const source = readFileSync(resolve(dir, 'src/y-webrtc.js'), 'utf8')
    expect(source).toContain('Sprintpad patch: of two peers, only the one with the smaller peer id')
    expect(source).toContain('Sprintpad patch: a change that came from a peer')
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
