import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  addItem,
  addTeam,
  createUndoManager,
  editItemText,
  getItemText,
  indentItem,
  migrate,
  moveItem,
  moveTeam,
  readSprint,
  removeItem,
  renameTeam,
  setItemStatus,
  ITEM,
  META,
  SCHEMA_VERSION,
  type ItemView,
  type SprintView,
} from '../../../shared/doc'
import {
  Network,
  expectConverged,
  seedSprint,
  syncPair,
  NETWORK_ORIGIN,
} from '../../helpers/convergence'

/** Two synced peers with one team, ready for concurrent edits (updates held until `sync()`). */
function twoPeers() {
  const net = new Network(2, prng.create(7))
  seedSprint(net)
  const [a, b] = net.peers.map((p) => p.doc) as [Y.Doc, Y.Doc]
  const teamId = addTeam(a, { id: 't', name: 'Pipeline' })
  net.settle()
  const sync = (): SprintView => {
    net.settle()
    return expectConverged(net, 0)
  }
  return { a, b, teamId, sync }
}

const section = (v: SprintView, key: string): ItemView[] =>
  v.teams[0]?.sections.find((s) => s.key === key)?.items ?? []

describe('named concurrency cases', () => {
  test('move + edit of the same item: the edit survives in the new place', () => {
    const { a, b, teamId, sync } = twoPeers()
    const id = addItem(a, { id: 'i', teamId, section: 'hangover', text: 'Replay DLQ' })
    sync()
    moveItem(a, { itemId: id, section: 'high' })
    editItemText(b, { itemId: id, index: 10, remove: 0, insert: ' from March' })
    const v = sync()
    expect(section(v, 'high').map((i) => i.text)).toEqual(['Replay DLQ from March'])
    expect(section(v, 'hangover')).toEqual([])
  })

  test('delete + edit: the delete wins on every peer, nothing crashes', () => {
    const { a, b, teamId, sync } = twoPeers()
    const id = addItem(a, { id: 'i', teamId, section: 'high', text: 'x' })
    addItem(a, { id: 'j', teamId, section: 'high', text: 'keep' })
    sync()
    removeItem(a, { itemId: id })
    editItemText(b, { itemId: id, index: 1, remove: 0, insert: 'yz' })
    setItemStatus(b, { itemId: id, status: 'checked' })
    const v = sync()
    expect(section(v, 'high').map((i) => i.text)).toEqual(['keep'])
  })

  test('two moves of the same item to different sections: it ends in exactly one', () => {
    const { a, b, teamId, sync } = twoPeers()
    const id = addItem(a, { id: 'i', teamId, section: 'hangover', text: 'x' })
    sync()
    moveItem(a, { itemId: id, section: 'high' })
    moveItem(b, { itemId: id, section: 'low' })
    const v = sync()
    const places = ['hangover', 'high', 'low'].filter((k) => section(v, k).some((i) => i.id === id))
    expect(places).toHaveLength(1)
  })

  test('concurrent inserts at the same place both survive, in the same order everywhere', () => {
    const { a, b, teamId, sync } = twoPeers()
    addItem(a, { id: 'first', teamId, section: 'high', text: 'first' })
    addItem(a, { id: 'last', teamId, section: 'high', text: 'last' })
    sync()
    addItem(a, { id: 'from-a', teamId, section: 'high', text: 'A', index: 1 })
    addItem(b, { id: 'from-b', teamId, section: 'high', text: 'B', index: 1 })
    const v = sync()
    // Same fractional key on both sides; the id breaks the tie deterministically.
    expect(section(v, 'high').map((i) => i.text)).toEqual(['first', 'A', 'B', 'last'])
    // Inserting between the two colliding items still lands exactly there.
    addItem(b, { id: 'between', teamId, section: 'high', text: 'AB', index: 2 })
    expect(section(sync(), 'high').map((i) => i.text)).toEqual(['first', 'A', 'AB', 'B', 'last'])
  })

  test('undo on one peer while the other edits reverts only its own change', () => {
    const { a, b, teamId, sync } = twoPeers()
    const id = addItem(a, { id: 'i', teamId, section: 'high', text: 'plan' })
    sync()
    const undoA = createUndoManager(a, { captureTimeout: 0 })
    editItemText(a, { itemId: id, index: 4, remove: 0, insert: ' A' })
    editItemText(b, { itemId: id, index: 0, remove: 0, insert: 'B ' })
    setItemStatus(b, { itemId: id, status: 'checked' })
    sync()
    expect(getItemText(a, id)?.toString()).toBe('B plan A')
    undoA.undo()
    const v = sync()
    expect(section(v, 'high')[0]).toMatchObject({ text: 'B plan', status: 'checked' })
    undoA.redo()
    expect(section(sync(), 'high')[0]?.text).toBe('B plan A')
  })

  test('undo never reverts a remote change even when it is the last change', () => {
    const { a, b, teamId, sync } = twoPeers()
    const undoA = createUndoManager(a, { captureTimeout: 0 })
    sync()
    addItem(b, { id: 'remote', teamId, section: 'high', text: 'theirs' })
    sync()
    expect(undoA.undoStack).toHaveLength(0)
    undoA.undo()
    expect(section(sync(), 'high').map((i) => i.text)).toEqual(['theirs'])
  })

  test('nesting A under B while the other nests B under A keeps both visible', () => {
    const { a, b, teamId, sync } = twoPeers()
    addItem(a, { id: 'x', teamId, section: 'high', text: 'x' })
    addItem(a, { id: 'y', teamId, section: 'high', text: 'y' })
    sync()
    moveItem(a, { itemId: 'x', parent: 'y' })
    moveItem(b, { itemId: 'y', parent: 'x' })
    const v = sync()
    const tree = section(v, 'high')
    expect(tree.map((i) => i.id)).toEqual(['x'])
    expect(tree[0]?.children.map((i) => i.id)).toEqual(['y'])
  })

  test('indent on one peer while the other deletes the new parent: the item stays visible', () => {
    const { a, b, teamId, sync } = twoPeers()
    addItem(a, { id: 'p', teamId, section: 'high', text: 'p' })
    addItem(a, { id: 'c', teamId, section: 'high', text: 'c' })
    sync()
    indentItem(a, { itemId: 'c' })
    removeItem(b, { itemId: 'p' })
    const v = sync()
    expect(section(v, 'high').map((i) => i.text)).toEqual(['c'])
  })

  test('reordering and renaming a team concurrently', () => {
    const { a, b, sync } = twoPeers()
    addTeam(a, { id: 'u', name: 'Replay' })
    sync()
    moveTeam(a, { teamId: 'u', index: 0 })
    renameTeam(b, { teamId: 'u', name: 'Session replay' })
    const v = sync()
    expect(v.teams.map((t) => t.name)).toEqual(['Session replay', 'Pipeline'])
  })

  test('two peers migrating the same old document concurrently converge', () => {
    const old = new Y.Doc()
    old.getMap('meta').set(META.title, 'legacy')
    const items = old.getMap<Y.Map<unknown>>('items')
    for (const id of ['k', 'b', 'f']) {
      const m = new Y.Map<unknown>()
      m.set(ITEM.text, new Y.Text(id))
      m.set(ITEM.team, '')
      m.set(ITEM.section, 'takeDown')
      items.set(id, m)
    }
    const update = Y.encodeStateAsUpdate(old)
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(a, update, NETWORK_ORIGIN)
    Y.applyUpdate(b, update, NETWORK_ORIGIN)
    expect(migrate(a)).toBe(true)
    expect(migrate(b)).toBe(true)
    expect(migrate(a)).toBe(true) // idempotent
    syncPair(a, b)
    const [va, vb] = [readSprint(a), readSprint(b)]
    expect(va).toEqual(vb)
    expect(va.meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(va.globalSections[0]?.items.map((i) => i.text)).toEqual(['b', 'f', 'k'])
    expect(va.problems).toEqual([])
  })

  test('a document from a newer version is not migrated', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set(META.schemaVersion, SCHEMA_VERSION + 1)
    expect(migrate(doc)).toBe(false)
    expect(doc.getMap('meta').get(META.schemaVersion)).toBe(SCHEMA_VERSION + 1)
  })
})

describe('the convergence harness itself', () => {
  test('detects peers that did not converge', () => {
    const net = new Network(2, prng.create(1))
    seedSprint(net)
    const [a] = net.peers
    if (!a) throw new Error('no peer')
    net.disconnect(a)
    addTeam(a.doc, { id: 'only-on-a', name: 'Split brain' })
    expect(() => expectConverged(net, 1)).toThrow(/seed 1/)
  })
})
