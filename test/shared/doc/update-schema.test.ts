import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addExtraSection,
  addItem,
  addTeam,
  createSprint,
  createUndoManager,
  editItemText,
  getItemMap,
  indentItem,
  inspectUpdateSchema,
  moveItem,
  readSprint,
  removeItem,
  removeTeam,
  renameTeam,
  restoreItem,
  setItemStatus,
  setOwners,
  setSectionNotes,
  setSprintMeta,
  setSupportHeroes,
  snapshotItem,
  getTeamMap,
} from '../../../shared/doc'
import { startNextSprint } from '../../../shared/doc/next-sprint'
import { importIssue } from '../../../shared/markdown'

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/markdown/filled-team-2024.md')

/** Runs `fn` on `author`, checks every update it emits against `receiver`, then applies it. */
function checkedEdits(author: Y.Doc, receiver: Y.Doc, fn: () => void): (string | undefined)[] {
  const verdicts: (string | undefined)[] = []
  const onUpdate = (update: Uint8Array): void => {
    const verdict = inspectUpdateSchema(receiver, update)
    verdicts.push(verdict)
    if (verdict === undefined) Y.applyUpdate(receiver, update)
  }
  author.on('update', onUpdate)
  try {
    fn()
  } finally {
    author.off('update', onUpdate)
  }
  return verdicts
}

/** A sprint with a team and an item, and a second doc (the "server") holding all of it. */
function shared(): { author: Y.Doc; server: Y.Doc; teamId: string; itemId: string } {
  const author = new Y.Doc()
  createSprint(author, { title: 'S', startDate: '2024-07-01', endDate: '2024-07-12' })
  const teamId = addTeam(author, { name: 'Web' })
  const itemId = addItem(author, { teamId, section: 'high', text: 'Ship it' })
  const server = new Y.Doc()
  Y.applyUpdate(server, Y.encodeStateAsUpdate(author))
  return { author, server, teamId, itemId }
}

/** The update `fn` makes on a copy of `doc` (a hostile peer that has the whole sprint). */
function hostileUpdate(doc: Y.Doc, fn: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  fn(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('inspectUpdateSchema: what the app writes passes', () => {
  it('passes every update of an import, of edits of every kind, of undo and of a next sprint', () => {
    const author = new Y.Doc()
    const server = new Y.Doc()
    const verdicts = checkedEdits(author, server, () => {
      importIssue(author, readFileSync(FIXTURE, 'utf8'))
      const view = readSprint(author)
      const team = view.teams[0]
      const item = team?.sections.flatMap((s) => s.items)[0]
      if (!team || !item) throw new Error('fixture has no team or item')
      const undo = createUndoManager(author)
      setSprintMeta(author, { title: 'Renamed' })
      renameTeam(author, { teamId: team.id, name: 'Renamed team' })
      setSupportHeroes(author, { teamId: team.id, heroes: [{ label: '', handle: 'sam' }] })
      const a = addItem(author, { teamId: team.id, section: 'high', text: 'new' })
      const b = addItem(author, { teamId: team.id, section: 'high', text: 'nested' })
      indentItem(author, { itemId: b })
      editItemText(author, { itemId: a, index: 3, remove: 0, insert: ' thing' })
      setItemStatus(author, { itemId: a, status: 'done' })
      setOwners(author, { itemId: a, owners: ['sam', 'kim'] })
      moveItem(author, { itemId: item.id, section: 'low', index: 0 })
      setSectionNotes(author, { teamId: team.id, section: 'okr', text: 'notes' })
      addExtraSection(author, {
        teamId: team.id,
        section: {
          key: 'extra',
          heading: 'Extra',
          level: 3,
          kind: 'list',
          role: 'plain',
          listStyle: 'bullet',
        },
        after: 'okr',
      })
      const snap = snapshotItem(author, a)
      removeItem(author, { itemId: a })
      if (snap) restoreItem(author, snap)
      undo.undo()
      undo.redo()
      removeTeam(author, { teamId: view.teams[1]?.id ?? team.id })
    })
    expect(verdicts.length).toBeGreaterThan(15)
    expect(verdicts.filter((v) => v !== undefined)).toEqual([])
    expect(readSprint(server).teams.map((t) => t.name)).toEqual(
      readSprint(author).teams.map((t) => t.name),
    )

    const next = new Y.Doc()
    const nextServer = new Y.Doc()
    const nextVerdicts = checkedEdits(next, nextServer, () => {
      startNextSprint(author, next, { title: 'Next', startDate: '', endDate: '' })
    })
    expect(nextVerdicts.filter((v) => v !== undefined)).toEqual([])
  })

  it('passes a whole sprint as one update into an empty document (a first sync)', () => {
    const author = new Y.Doc()
    importIssue(author, readFileSync(FIXTURE, 'utf8'))
    expect(inspectUpdateSchema(new Y.Doc(), Y.encodeStateAsUpdate(author))).toBeUndefined()
  })

  it('passes places the schema does not name (a newer version may add them)', () => {
    const { server, itemId } = shared()
    const update = hostileUpdate(server, (d) => {
      d.getMap('futureRoot').set('x', new Y.Map())
      getItemMap(d, itemId)?.set('futureField', new Y.Array())
    })
    expect(inspectUpdateSchema(server, update)).toBeUndefined()
  })
})

describe('inspectUpdateSchema: schema-breaking updates are refused', () => {
  const cases: [string, (d: Y.Doc, ids: { teamId: string; itemId: string }) => void, string][] = [
    [
      'list content in a root',
      (d) => d.getArray('items').insert(0, ['x']),
      'list content in the items map',
    ],
    [
      'a new item that is a string',
      (d) => d.getMap('items').set('evil', 'x'),
      'items/evil must be a Y.Map',
    ],
    [
      'an existing item overwritten by a string (parent left out of the encoding)',
      (d, { itemId }) => d.getMap('items').set(itemId, 'x'),
      `items/${'ITEM'} must be a Y.Map`,
    ],
    [
      'notes that are not text',
      (d) => d.getMap('notes').set('t/okr', 'plain'),
      'notes/t/okr must be a Y.Text',
    ],
    [
      'a Y type in meta',
      (d) => d.getMap('meta').set('title', new Y.Text('x')),
      'meta/title must be a plain value',
    ],
    [
      "an item's text replaced by a string",
      (d, { itemId }) => getItemMap(d, itemId)?.set('text', 'flat'),
      'items/…/text must be a Y.Text',
    ],
    [
      "a team's name turned into a Y.Map",
      (d, { teamId }) => getTeamMap(d, teamId)?.set('name', new Y.Map()),
      'teams/…/name must be a plain value',
    ],
    [
      "a team's section form turned into a Y.Map",
      (d, { teamId }) => getTeamMap(d, teamId)?.set('guidance/retro', new Y.Map()),
      'teams/…/guidance/retro must be a plain value',
    ],
  ]

  it.each(cases)('refuses %s', (_name, breakIt, message) => {
    const { server, teamId, itemId } = shared()
    const update = hostileUpdate(server, (d) => breakIt(d, { teamId, itemId }))
    const verdict = inspectUpdateSchema(server, update)
    expect(verdict).toBe(`schema: ${message.replace('ITEM', itemId)}`)
  })

  it('never throws on bytes that are not an update (inspectUpdate reports those)', () => {
    const { server } = shared()
    expect(inspectUpdateSchema(server, new Uint8Array([1, 2, 3, 250]))).toBeUndefined()
  })

  it('allows a struct whose place it cannot know yet (Yjs keeps it pending)', () => {
    const { author, server, itemId } = shared()
    // The server misses the author's first edit; the second edit's origin is in the first.
    const missing = hostileUpdate(author, (d) => getItemMap(d, itemId)?.set('status', 'done'))
    Y.applyUpdate(author, missing)
    const later = hostileUpdate(author, (d) => getItemMap(d, itemId)?.set('status', 'todo'))
    expect(inspectUpdateSchema(server, later)).toBeUndefined()
  })
})
