import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { guardPeerMessage, presenceStateSchema } from '../../../shared/sync'
import { awarenessMessage, awarenessPayload } from './messages'

const good = (name = 'Ada') => ({
  user: { name, color: '#0090ff', handle: 'ada-l' },
  editing: null,
})

function setup() {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(good('Me'))
  return { doc, awareness }
}

/** Guards a message and applies what passes the way y-webrtc would. */
function receive(
  doc: Y.Doc,
  awareness: awarenessProtocol.Awareness,
  states: { clientId: number; clock: number; json: string }[],
) {
  const own = {
    clientId: awareness.clientID,
    clock: awareness.meta.get(awareness.clientID)?.clock ?? 0,
  }
  const verdict = guardPeerMessage(doc, awarenessMessage(states), undefined, own)
  if (verdict.ok) {
    awarenessProtocol.applyAwarenessUpdate(awareness, awarenessPayload(verdict.message), 'peer')
  }
  return verdict
}

describe('guardPeerMessage: presence', () => {
  it('passes valid states (and removals) unchanged', () => {
    const { doc, awareness } = setup()
    const verdict = receive(doc, awareness, [
      { clientId: 7, clock: 1, json: JSON.stringify(good()) },
    ])
    expect(verdict).toMatchObject({ ok: true, dropped: [] })
    expect(awareness.getStates().get(7)).toEqual(good())
    receive(doc, awareness, [{ clientId: 7, clock: 2, json: 'null' }])
    expect(awareness.getStates().has(7)).toBe(false)
  })

  it('passes where someone is, their clock and presenting; drops a malformed one', () => {
    const { doc, awareness } = setup()
    const located = { ...good(), clock: 1_720_000_000_000, view: { team: 't1', item: '' } }
    const verdict = receive(doc, awareness, [
      { clientId: 7, clock: 1, json: JSON.stringify({ ...located, presenting: true }) },
      {
        clientId: 8,
        clock: 1,
        json: JSON.stringify({ ...good(), view: { team: 'x'.repeat(65) } }),
      },
      { clientId: 9, clock: 1, json: JSON.stringify({ ...good(), clock: -5 }) },
    ])
    expect(verdict).toMatchObject({ ok: true })
    expect(verdict.ok && verdict.dropped).toHaveLength(2)
    expect(awareness.getStates().get(7)).toEqual({ ...located, presenting: true })
    expect(presenceStateSchema.safeParse({ ...good(), view: null }).success).toBe(true)
  })

  it('ignores a state with a huge name, keeping the valid states of the same message', () => {
    const { doc, awareness } = setup()
    const verdict = receive(doc, awareness, [
      { clientId: 8, clock: 1, json: JSON.stringify(good('x'.repeat(10_000))) },
      { clientId: 9, clock: 1, json: JSON.stringify(good('Grace')) },
    ])
    expect(verdict).toEqual({
      ok: true,
      message: expect.any(Uint8Array),
      dropped: ['client 8: state of 10070 characters is too large'],
    })
    expect(awareness.getStates().has(8)).toBe(false)
    expect(awareness.getStates().get(9)).toEqual(good('Grace'))
    const huge = receive(doc, awareness, [
      { clientId: 8, clock: 2, json: JSON.stringify(good('x'.repeat(100_000))) },
    ])
    expect(huge).toEqual({ ok: false, reason: expect.stringContaining('exceeds the cap') })
    const longButSmall = receive(doc, awareness, [
      { clientId: 10, clock: 1, json: JSON.stringify(good('y'.repeat(200))) },
    ])
    expect(longButSmall).toEqual({ ok: false, reason: expect.stringContaining('fails the schema') })
  })

  it('ignores a state claiming our own client id: our presence stays ours', () => {
    const { doc, awareness } = setup()
    const forged = { clientId: doc.clientID, clock: 99, json: JSON.stringify(good('Mallory')) }
    const verdict = receive(doc, awareness, [forged])
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringContaining('claims our own client id'),
    })
    const removal = receive(doc, awareness, [{ ...forged, json: 'null' }])
    expect(removal.ok).toBe(false)
    expect(awareness.getLocalState()).toEqual(good('Me'))
  })

  it('lets an echo of our own state (relayed by a peer) pass silently as a no-op', () => {
    const { doc, awareness } = setup()
    const clock = awareness.meta.get(doc.clientID)?.clock ?? 0
    const echo = { clientId: doc.clientID, clock, json: JSON.stringify(good('Me')) }
    const other = { clientId: 21, clock: 1, json: JSON.stringify(good('Zoe')) }
    expect(receive(doc, awareness, [echo, other])).toMatchObject({ ok: true, dropped: [] })
    expect(receive(doc, awareness, [echo])).toMatchObject({ ok: true, dropped: [] })
    expect(awareness.getStates().get(21)).toEqual(good('Zoe'))
    expect(awareness.getLocalState()).toEqual(good('Me'))
  })

  it('ignores states that are not JSON or fail the schema, and malformed updates', () => {
    const { doc, awareness } = setup()
    for (const json of [
      '{',
      '{}',
      '[]',
      '"x"',
      '{"user":{"name":"a","color":"red","handle":""}}',
    ]) {
      expect(receive(doc, awareness, [{ clientId: 11, clock: 1, json }]).ok).toBe(false)
    }
    expect(awareness.getStates().has(11)).toBe(false)
    expect(guardPeerMessage(doc, new Uint8Array([1, 3, 1, 200])).ok).toBe(false)
    expect(guardPeerMessage(doc, new Uint8Array([1, 1, 0])).ok).toBe(true) // zero states: a no-op
  })

  it('caps the number of states per message', () => {
    const { doc } = setup()
    const many = Array.from({ length: 300 }, (_, i) => ({
      clientId: i + 100,
      clock: 1,
      json: JSON.stringify(good()),
    }))
    expect(guardPeerMessage(doc, awarenessMessage(many)).ok).toBe(false)
  })

  it('schema: handles follow GitHub rules, colours are #rrggbb', () => {
    const ok = (v: unknown) => presenceStateSchema.safeParse(v).success
    expect(ok({ ...good(), editing: 'item-1' })).toBe(true)
    expect(ok({ ...good(), extra: { future: true } })).toBe(true)
    expect(ok({ user: { ...good().user, handle: '-bad' }, editing: null })).toBe(false)
    expect(ok({ user: { ...good().user, handle: '' }, editing: null })).toBe(true)
    expect(ok({ user: { ...good().user, color: '#fff' }, editing: null })).toBe(false)
    expect(ok({ user: { ...good().user, name: '   ' }, editing: null })).toBe(false)
  })
})
