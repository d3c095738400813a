import * as Y from 'yjs'
import { beforeEach, describe, expect, test } from 'vitest'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  readSprint,
  removeItem,
  removeTeam,
  restoreItem,
  setItemStatus,
  setOwners,
  snapshotItem,
  type ItemView,
} from '../../../shared/doc'
import { NETWORK_ORIGIN } from '../../helpers/convergence'

/** Two peers of one sprint: `me` edits an item, `them` removes it; updates flow both ways. */
let me: Y.Doc
let them: Y.Doc
let teamId: string

function sync(): void {
  Y.applyUpdate(them, Y.encodeStateAsUpdate(me, Y.encodeStateVector(them)), NETWORK_ORIGIN)
  Y.applyUpdate(me, Y.encodeStateAsUpdate(them, Y.encodeStateVector(me)), NETWORK_ORIGIN)
}

function high(doc: Y.Doc): ItemView[] {
  const team = readSprint(doc).teams.find((t) => t.id === teamId)
  return team?.sections.find((s) => s.key === 'highPriority')?.items ?? []
}

beforeEach(() => {
  me = new Y.Doc()
  them = new Y.Doc()
  createSprint(me, {
    id: 's1',
    title: 'Sprint',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    teams: ['Pipeline'],
    createdAt: 1,
  })
  teamId = readSprint(me).teams[0]?.id ?? ''
  sync()
})

describe('putting back an item someone else removed while it was being edited', () => {
  test('same id, text, owners and status, at its old position, on every peer', () => {
    const ids = ['One', 'Two', 'Three'].map((text) =>
      addItem(me, { teamId, section: 'highPriority', text }),
    )
    const two = ids[1] ?? ''
    setOwners(me, { itemId: two, owners: ['@ann'] })
    setItemStatus(me, { itemId: two, status: 'checked' })
    sync()
    editItemText(me, { itemId: two, index: 3, remove: 0, insert: ' and a half' })
    // They remove it before my typing reaches them: it is gone on both once synced.
    removeItem(them, { itemId: two })
    const before = snapshotItem(me, two)
    sync()
    expect(high(me).map((i) => i.text)).toEqual(['One', 'Three'])

    const back = before && restoreItem(me, before)
    // A new id: a screen still bound to the removed item's text cannot write into this one.
    expect(back).toMatch(/\S/)
    expect(back).not.toBe(two)
    sync()
    for (const doc of [me, them]) {
      expect(high(doc).map((i) => [i.id, i.text, i.owners, i.status])).toEqual([
        [ids[0], 'One', [], 'unchecked'],
        [back, 'Two and a half', ['@ann'], 'checked'],
        [ids[2], 'Three', [], 'unchecked'],
      ])
    }
  })

  test('a nested item goes back under its parent, or to the top of its section without it', () => {
    const parent = addItem(me, { teamId, section: 'highPriority', text: 'Parent' })
    const a = addItem(me, { teamId, section: 'highPriority', parent, text: 'a' })
    const b = addItem(me, { teamId, section: 'highPriority', parent, text: 'b' })
    sync()
    removeItem(them, { itemId: a })
    const snapA = snapshotItem(me, a)
    sync()
    expect(snapA && restoreItem(me, snapA)).toMatch(/\S/)
    expect(high(me)[0]?.children.map((c) => c.text)).toEqual(['a', 'b'])
    sync()
    expect(high(them)[0]?.children.map((c) => c.text)).toEqual(['a', 'b'])

    // The parent goes with its nested items: the one being edited comes back on its own.
    const snapB = snapshotItem(me, b)
    removeItem(them, { itemId: parent })
    sync()
    expect(high(me)).toEqual([])
    const other = addItem(me, { teamId, section: 'highPriority', text: 'Other' })
    expect(snapB && restoreItem(me, snapB)).toMatch(/\S/)
    // Without its parent it comes first in the section.
    expect(high(me).map((i) => [i.text, i.children.length])).toEqual([
      ['b', 0],
      ['Other', 0],
    ])
    expect(other).toMatch(/\S/)
  })

  test('refused when the team is gone or the item is already back', () => {
    const id = addItem(me, { teamId, section: 'highPriority', text: 'Keep me' })
    sync()
    const snap = snapshotItem(me, id)
    if (!snap) throw new Error('no snapshot')
    // Still there: nothing to put back.
    expect(restoreItem(me, snap)).toBeUndefined()
    removeTeam(them, { teamId })
    sync()
    expect(restoreItem(me, snap)).toBeUndefined()
    expect(readSprint(me).teams).toEqual([])
    expect(snapshotItem(me, 'missing')).toBeUndefined()
  })

  test('an item of the issue’s global sections comes back there', () => {
    const other = addTeam(me, { name: 'Other' })
    const id = addItem(me, { teamId: '', section: 'takeUsDown', text: 'Outage' })
    sync()
    const snap = snapshotItem(me, id)
    removeItem(them, { itemId: id })
    sync()
    expect(snap && restoreItem(me, snap)).toMatch(/\S/)
    const global = readSprint(me).globalSections.flatMap((s) => s.items.map((i) => i.text))
    expect(global).toEqual(['Outage'])
    expect(other).not.toBe('')
  })
})
