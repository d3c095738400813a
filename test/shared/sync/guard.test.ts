import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  getItemText,
  readSprint,
  removeTeam,
  setItemText,
} from '../../../shared/doc'
import {
  DEFAULT_GUARD_LIMITS,
  MESSAGE,
  SYNC,
  applyRemoteUpdate,
  guardPeerMessage,
  inspectUpdate,
} from '../../../shared/sync'
import { syncMessage, updateMessage } from './messages'

const REMOTE = Object.freeze({ name: 'test:remote' })

/** A sprint with two teams and a few items, and a second peer that has all of it. */
function setup(): { ours: Y.Doc; theirs: Y.Doc; teamIds: string[]; itemId: string } {
  const ours = new Y.Doc()
  createSprint(ours, { title: 'Sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  const teamIds = [addTeam(ours, { name: 'Alpha' }), addTeam(ours, { name: 'Beta' })]
  const itemId = addItem(ours, { teamId: teamIds[0] ?? '', section: 'goals', text: 'Ship sync' })
  addItem(ours, { teamId: teamIds[1] ?? '', section: 'goals', text: 'Fix bugs' })
  const theirs = new Y.Doc()
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(ours), REMOTE)
  return { ours, theirs, teamIds, itemId }
}

/** The update `fn` makes on `doc`. */
function captureUpdate(doc: Y.Doc, fn: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const h = (u: Uint8Array): void => void updates.push(u)
  doc.on('update', h)
  fn()
  doc.off('update', h)
  return Y.mergeUpdates(updates)
}

function clone(doc: Y.Doc): Y.Doc {
  const c = new Y.Doc()
  Y.applyUpdate(c, Y.encodeStateAsUpdate(doc))
  // Set after loading: Yjs renames a doc whose own client id arrives in a remote update.
  c.clientID = doc.clientID
  return c
}

/** The app must stay usable: the tolerant reader works and a local edit still syncs out. */
function expectUsable(doc: Y.Doc): void {
  const view = readSprint(doc)
  expect(view.meta.title).toBeTypeOf('string')
  const teamId = addTeam(doc, { name: 'Still works' })
  expect(readSprint(doc).teams.some((t) => t.id === teamId)).toBe(true)
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  expect(readSprint(other).teams.some((t) => t.id === teamId)).toBe(true)
}

describe('guardPeerMessage: sync', () => {
  it('passes a real update and a state vector through unchanged', () => {
    const { ours, theirs, itemId } = setup()
    const update = captureUpdate(theirs, () => setItemText(theirs, { itemId, text: 'Ship it' }))
    const message = updateMessage(update)
    expect(guardPeerMessage(ours, message)).toEqual({ ok: true, message, dropped: [] })
    const step1 = syncMessage(SYNC.step1, Y.encodeStateVector(theirs))
    expect(guardPeerMessage(ours, step1)).toEqual({ ok: true, message: step1, dropped: [] })
    const step2 = syncMessage(SYNC.step2, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(ours)))
    expect(guardPeerMessage(ours, step2).ok).toBe(true)
  })

  it('drops a message over the size cap before parsing it', () => {
    const { ours } = setup()
    const big = new Uint8Array(DEFAULT_GUARD_LIMITS.maxMessageBytes + 1)
    const verdict = guardPeerMessage(ours, big)
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('exceeds') })
    const small = { ...DEFAULT_GUARD_LIMITS, maxMessageBytes: 10 }
    expect(guardPeerMessage(ours, updateMessage(new Uint8Array(20)), small).ok).toBe(false)
  })

  it('never throws on random bytes, raw or wrapped as an update, and the doc stays usable', () => {
    const { ours } = setup()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, wrap) => {
        const message = wrap ? updateMessage(bytes) : bytes
        const verdict = guardPeerMessage(ours, message)
        if (verdict.ok && wrap) {
          const copy = clone(ours)
          applyRemoteUpdate(copy, bytes, REMOTE)
          readSprint(copy)
        }
      }),
      { numRuns: 2000 },
    )
    expectUsable(ours)
  })

  it('refuses every truncation of a real update', () => {
    const { ours, theirs, itemId } = setup()
    const update = captureUpdate(theirs, () => {
      setItemText(theirs, { itemId, text: 'Ship sync over WebRTC' })
      addTeam(theirs, { name: 'Gamma' })
    })
    for (let n = 0; n < update.length; n++) {
      const cut = update.subarray(0, n)
      expect(inspectUpdate(ours, cut), `prefix of ${n} bytes`).toMatch(/malformed/)
      expect(guardPeerMessage(ours, updateMessage(cut)).ok).toBe(false)
      // A message whose own length prefix no longer matches is refused too.
      expect(guardPeerMessage(ours, updateMessage(update).subarray(0, n + 3)).ok).toBe(false)
    }
  })

  it('survives every single bit flip of a real update: dropped, or applied harmlessly', () => {
    const { ours, theirs, itemId } = setup()
    const update = captureUpdate(theirs, () => {
      setItemText(theirs, { itemId, text: 'Ship sync over WebRTC' })
      addTeam(theirs, { name: 'Gamma' })
    })
    let dropped = 0
    for (let bit = 0; bit < update.length * 8; bit++) {
      const flipped = update.slice()
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      const copy = clone(ours)
      const result = applyRemoteUpdate(copy, flipped, REMOTE)
      if (!result.ok) dropped++
      expect(() => readSprint(copy)).not.toThrow()
    }
    expect(dropped).toBeGreaterThan(0)
    expectUsable(ours)
  })

  it('applies an update that deletes every team: the reader shows an empty sprint', () => {
    const { ours, theirs, teamIds } = setup()
    const update = captureUpdate(theirs, () => {
      for (const teamId of teamIds) removeTeam(theirs, { teamId })
    })
    expect(applyRemoteUpdate(ours, update, REMOTE)).toEqual({ ok: true })
    const view = readSprint(ours)
    expect(view.teams).toEqual([])
    expect(view.meta.title).toBe('Sprint')
    expectUsable(ours)
  })

  it('refuses an update claiming our client id beyond our own clock, accepts our echo', () => {
    const { ours, itemId } = setup()
    const echo = captureUpdate(ours, () => setItemText(ours, { itemId, text: 'mine' }))
    expect(inspectUpdate(ours, echo)).toBeUndefined()
    const impostor = clone(ours)
    const forged = captureUpdate(impostor, () => setItemText(impostor, { itemId, text: 'forged' }))
    expect(inspectUpdate(ours, forged)).toBe('update claims our own client id')
    const clientBefore = ours.clientID
    expect(guardPeerMessage(ours, updateMessage(forged)).ok).toBe(false)
    expect(ours.clientID).toBe(clientBefore)
    expect(getItemText(ours, itemId)?.toString()).toBe('mine')
  })

  it('refuses an update that embeds a subdocument', () => {
    const { ours, theirs } = setup()
    const update = captureUpdate(theirs, () => theirs.getMap('notes').set('x', new Y.Doc()))
    expect(inspectUpdate(ours, update)).toBe('update embeds a subdocument')
  })

  it('refuses broadcast-channel peer ids, unknown types and trailing bytes', () => {
    const { ours } = setup()
    expect(guardPeerMessage(ours, new Uint8Array([MESSAGE.bcPeerId, 1, 1, 65]))).toEqual({
      ok: false,
      reason: 'broadcast-channel message from a network peer',
    })
    expect(guardPeerMessage(ours, new Uint8Array([9])).ok).toBe(false)
    expect(guardPeerMessage(ours, new Uint8Array([MESSAGE.queryAwareness])).ok).toBe(true)
    expect(guardPeerMessage(ours, new Uint8Array([MESSAGE.queryAwareness, 0])).ok).toBe(false)
    const sv = Y.encodeStateVector(ours)
    expect(guardPeerMessage(ours, new Uint8Array([...syncMessage(0, sv), 0])).ok).toBe(false)
    expect(guardPeerMessage(ours, syncMessage(7, sv)).ok).toBe(false)
    expect(guardPeerMessage(ours, syncMessage(SYNC.step1, new Uint8Array([5, 1]))).ok).toBe(false)
  })
})
