import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { guardServerMessage } from '../../../shared/sync'

const NAME = 'sp1-' + 'a'.repeat(64)

/** A Hocuspocus message: the document name, the type, then what `write` adds. */
function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, NAME)
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

function updateFrom(clientId: number): Uint8Array {
  const other = new Y.Doc()
  other.clientID = clientId
  other.getText('t').insert(0, 'hello')
  return Y.encodeStateAsUpdate(other)
}

describe('guardServerMessage', () => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, 'mine')

  it('passes another client’s update relayed by the server, as it came', () => {
    for (const type of [0, 4]) {
      const bytes = message(type, (e) => syncProtocol.writeUpdate(e, updateFrom(doc.clientID + 1)))
      const verdict = guardServerMessage(doc, bytes)
      expect(verdict).toEqual({ ok: true, message: bytes, dropped: [] })
    }
  })

  it('refuses an update claiming our own client id, a truncated one, and trailing bytes', () => {
    const forged = updateFrom(doc.clientID)
    const cases = [
      message(0, (e) => syncProtocol.writeUpdate(e, forged)),
      message(0, (e) => syncProtocol.writeUpdate(e, updateFrom(7).subarray(0, 6))),
      message(4, (e) => {
        syncProtocol.writeSyncStep2(e, new Y.Doc())
        encoding.writeUint8(e, 9)
      }),
    ]
    for (const bytes of cases) expect(guardServerMessage(doc, bytes).ok).toBe(false)
  })

  it('filters presence state by state: a state posing as us is dropped, the others kept', () => {
    const mallory = new Awareness(new Y.Doc())
    mallory.clientID = doc.clientID
    // Newer than our own clock (an older one is taken for an echo of ours and left out).
    mallory.setLocalState({
      user: { name: 'Fake me', color: '#000000', handle: '' },
      editing: null,
    })
    mallory.setLocalStateField('editing', 'item-1')
    const bob = new Awareness(new Y.Doc())
    bob.setLocalState({ user: { name: 'Bob', color: '#123456', handle: 'bob' }, editing: null })
    const forged = message(1, (e) =>
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(mallory, [mallory.clientID])),
    )
    expect(
      guardServerMessage(doc, forged, undefined, { clientId: doc.clientID, clock: 0 }).ok,
    ).toBe(false)
    const honest = message(1, (e) =>
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(bob, [bob.clientID])),
    )
    const verdict = guardServerMessage(doc, honest, undefined, { clientId: doc.clientID, clock: 0 })
    expect(verdict.ok).toBe(true)
    mallory.destroy()
    bob.destroy()
  })

  it('passes the server’s own control messages and refuses stateless and unknown ones', () => {
    const auth = message(2, (e) => {
      encoding.writeVarUint(e, 2)
      encoding.writeVarString(e, 'read-write')
    })
    expect(guardServerMessage(doc, auth)).toEqual({ ok: true, message: auth, dropped: [] })
    expect(
      guardServerMessage(
        doc,
        message(8, (e) => encoding.writeVarUint(e, 1)),
      ).ok,
    ).toBe(true)
    expect(
      guardServerMessage(
        doc,
        message(5, (e) => encoding.writeVarString(e, 'hi')),
      ).ok,
    ).toBe(false)
    expect(
      guardServerMessage(
        doc,
        message(42, () => undefined),
      ).ok,
    ).toBe(false)
    expect(guardServerMessage(doc, new Uint8Array([200, 200, 200])).ok).toBe(false)
  })
})
