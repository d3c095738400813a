import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  addItem,
  addTeam,
  createUndoManager,
  editItemText,
  editorsMap,
  removeItem,
  setItemStatus,
  setSectionNotes,
} from '../../../shared/doc'
import {
  authorsOf,
  captureSprint,
  changesSince,
  mergeAuthors,
  readEditors,
  recordEditor,
} from '../../../shared/history'
import { Network, seedSprint } from '../../helpers/convergence'

function team() {
  const net = new Network(2, prng.create(3))
  seedSprint(net)
  const [a, b] = net.peers.map((p) => p.doc) as [Y.Doc, Y.Doc]
  addTeam(a, { id: 'web', name: 'Web' })
  addTeam(a, { id: 'infra', name: 'Infra' })
  addItem(a, { id: 'w1', teamId: 'web', section: 'high', text: 'Ship' })
  addItem(a, { id: 'i1', teamId: 'infra', section: 'high', text: 'Move' })
  recordEditor(a, { name: 'Ann', color: '#e5484d', handle: 'ann' })
  recordEditor(b, { name: 'Bob', color: '#0090ff', handle: 'bob' })
  net.settle()
  return { net, a, b }
}

describe('who changed what', () => {
  test('each part names the people who wrote in it since the checkpoint', () => {
    const { net, a, b } = team()
    const checkpoint = captureSprint(a)
    editItemText(a, { itemId: 'w1', index: 4, remove: 0, insert: ' it' })
    setItemStatus(b, { itemId: 'i1', status: 'checked' })
    setSectionNotes(b, { teamId: 'web', section: 'low', text: 'hi' })
    net.settle()
    const authors = authorsOf(changesSince(a, checkpoint.stateVector), readEditors(a))
    expect(authors['team:web']?.map((x) => [x.name, x.changes])).toEqual([
      ['Ann', 3],
      ['Bob', 3],
    ])
    expect(authors['team:infra']?.map((x) => x.name)).toEqual(['Bob'])
    expect(authors.sprint).toBeUndefined()
  })

  test('writes into an item removed since are not attributed (they went with it)', () => {
    const { net, a, b } = team()
    const checkpoint = captureSprint(a)
    editItemText(b, { itemId: 'i1', index: 0, remove: 0, insert: 'Now ' })
    net.settle()
    expect(authorsOf(changesSince(a, checkpoint.stateVector), readEditors(a))).toHaveProperty(
      'team:infra',
    )
    removeItem(a, { itemId: 'i1' })
    // Bob's writes went with the item. Ann emptied High priority on purpose (the team now
    // remembers not to write the placeholder there), so she is named.
    const after = authorsOf(changesSince(a, checkpoint.stateVector), readEditors(a))
    expect(Object.keys(after)).toEqual(['team:infra'])
    expect(after['team:infra']?.map((x) => x.name)).toEqual(['Ann'])
  })

  test('a client with no editors entry is named by its id', () => {
    const { a } = team()
    const c = new Y.Doc()
    c.clientID = 99
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    const sv = Y.encodeStateVector(c)
    editItemText(c, { itemId: 'w1', index: 0, remove: 0, insert: 'x' })
    expect(authorsOf(changesSince(c, sv), readEditors(c))['team:web']?.[0]?.name).toBe(
      'Someone (client 99)',
    )
  })

  test('the editors map is written once per change of name, with an origin undo ignores', () => {
    const doc = new Y.Doc()
    const undo = createUndoManager(doc)
    let writes = 0
    doc.on('update', () => writes++)
    recordEditor(doc, { name: 'Ann', color: '#e5484d', handle: 'ann' })
    recordEditor(doc, { name: 'Ann', color: '#e5484d', handle: 'ann' })
    expect(writes).toBe(1)
    recordEditor(doc, { name: 'Ann B', color: '#e5484d', handle: 'ann' })
    expect(writes).toBe(2)
    expect(undo.undoStack).toHaveLength(0)
    editorsMap(doc).set('7', { name: 3 })
    editorsMap(doc).set('x', { name: 'X', color: '#000000', handle: '' })
    expect([...readEditors(doc)]).toEqual([
      [doc.clientID, { name: 'Ann B', color: '#e5484d', handle: 'ann' }],
    ])
  })

  test('authors of a dropped checkpoint merge into the next one', () => {
    const ann = { clientId: 1, name: 'Ann', color: '#e5484d', changes: 2 }
    const bob = { clientId: 2, name: 'Bob', color: '#0090ff', changes: 5 }
    expect(mergeAuthors({ 'team:web': [ann] }, { 'team:web': [ann, bob], sprint: [ann] })).toEqual({
      'team:web': [bob, { ...ann, changes: 4 }],
      sprint: [ann],
    })
  })
})

describe('changes between two checkpoints', () => {
  test('counts only what was written up to the second one', () => {
    const { net, a, b } = team()
    const first = captureSprint(a)
    editItemText(a, { itemId: 'w1', index: 0, remove: 0, insert: 'ab' })
    const second = captureSprint(a)
    editItemText(a, { itemId: 'w1', index: 0, remove: 0, insert: 'cdef' })
    editItemText(b, { itemId: 'i1', index: 0, remove: 0, insert: 'x' })
    net.settle()
    const between = authorsOf(
      changesSince(a, first.stateVector, second.stateVector),
      readEditors(a),
    )
    expect(between).toEqual({
      'team:web': [{ clientId: a.clientID, name: 'Ann', color: '#e5484d', changes: 2 }],
    })
  })
})
