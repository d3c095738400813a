import * as Y from 'yjs'
import { beforeEach, describe, expect, test } from 'vitest'
import {
  addExtraSection,
  addItem,
  addTeam,
  createSprint,
  editItemText,
  getItemText,
  indentItem,
  joinItemInto,
  moveItem,
  moveTeam,
  outdentItem,
  readSprint,
  removeExtraSection,
  removeItem,
  removeTeam,
  renameTeam,
  setItemGroup,
  setItemStatus,
  setItemTask,
  setItemText,
  setMembers,
  setOffDuring,
  setOwners,
  setSectionNotes,
  setSprintMeta,
  setSupportHeroes,
  setTemplate,
  shiftItem,
  GLOBAL_TEAM,
  LOCAL_ORIGIN,
  SCHEMA_VERSION,
  type SprintView,
  type TeamView,
} from '../../../shared/doc'
import { defaultTemplate } from '../../../shared/template'

let doc: Y.Doc
let teamId: string

function team(view: SprintView, id = teamId): TeamView {
  const t = view.teams.find((x) => x.id === id)
  if (!t) throw new Error(`team ${id} not in view`)
  return t
}

function texts(view: SprintView, section: string, id = teamId): string[] {
  return (
    team(view, id)
      .sections.find((s) => s.key === section)
      ?.items.map((i) => i.text) ?? []
  )
}

beforeEach(() => {
  doc = new Y.Doc()
  createSprint(doc, {
    id: 's1',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    teams: ['Pipeline'],
    createdAt: 42,
  })
  teamId = readSprint(doc).teams[0]?.id ?? ''
})

describe('sprint', () => {
  test('createSprint stores meta, schema version and a copy of the template', () => {
    const v = readSprint(doc)
    expect(v.meta).toEqual({
      id: 's1',
      title: 'Sprint - July 1 to July 12',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
      createdAt: 42,
      schemaVersion: SCHEMA_VERSION,
      previousSprintId: '',
    })
    expect(v.template).toEqual(defaultTemplate())
    expect(v.problems).toEqual([])
    // Each team has exactly the template's sections, in order.
    expect(team(v).sections.map((s) => s.key)).toEqual(defaultTemplate().sections.map((s) => s.key))
    expect(v.globalSections.map((s) => s.heading)).toEqual(['3 things that might take us down'])
  })

  test('setSprintMeta changes title and dates', () => {
    setSprintMeta(doc, { title: 'Next', endDate: '2024-07-19' })
    const m = readSprint(doc).meta
    expect([m.title, m.startDate, m.endDate]).toEqual(['Next', '2024-07-01', '2024-07-19'])
  })

  test('setTemplate replaces the sections every team shows; items of a removed section stay visible', () => {
    const id = addItem(doc, { teamId, section: 'low', text: 'side quest' })
    const t = defaultTemplate()
    t.sections = t.sections
      .filter((s) => s.key !== 'low')
      .map((s) => (s.key === 'high' ? { ...s, heading: 'Top' } : s))
    setTemplate(doc, t)
    const v = readSprint(doc)
    expect(team(v).sections.find((s) => s.key === 'high')?.heading).toBe('Top')
    const low = team(v).sections.find((s) => s.key === 'low')
    expect(low?.isExtra).toBe(true)
    expect(low?.items.map((i) => i.id)).toEqual([id])
  })
})

describe('teams', () => {
  test('add, rename, reorder and remove', () => {
    const b = addTeam(doc, { name: 'Replay 🎥' })
    const c = addTeam(doc, { name: 'CDP', index: 0 })
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['CDP', 'Pipeline', 'Replay 🎥'])
    renameTeam(doc, { teamId: b, name: 'Session replay' })
    moveTeam(doc, { teamId: c, index: 2 })
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['Pipeline', 'Session replay', 'CDP'])
    addItem(doc, { teamId: b, section: 'high', text: 'x' })
    setSectionNotes(doc, { teamId: b, section: 'retro', text: 'note' })
    removeTeam(doc, { teamId: b })
    const v = readSprint(doc)
    expect(v.teams.map((t) => t.name)).toEqual(['Pipeline', 'CDP'])
    expect(v.problems).toEqual([])
    expect(doc.getMap('items').size).toBe(0)
    expect(doc.getMap('notes').size).toBe(0)
  })

  test('support heroes (one, or one per week), time off and members', () => {
    setSupportHeroes(doc, {
      teamId,
      heroes: [
        { label: 'Week 1', handle: 'ana' },
        { label: 'Week 2', handle: 'tom' },
      ],
    })
    setOffDuring(doc, { teamId, text: '@ana out Friday' })
    setMembers(doc, { teamId, members: ['ana', 'tom', 'li'] })
    const t = team(readSprint(doc))
    expect(t.heroes).toEqual([
      { label: 'Week 1', handle: 'ana' },
      { label: 'Week 2', handle: 'tom' },
    ])
    expect(t.offDuring).toBe('@ana out Friday')
    expect(t.members).toEqual(['ana', 'tom', 'li'])
  })

  test('extra sections sit after their anchor and can be removed with their items', () => {
    addExtraSection(doc, {
      teamId,
      section: {
        key: 'x-risks',
        heading: 'Risks',
        level: 2,
        kind: 'list',
        role: 'plain',
        listStyle: 'bullet',
      },
      after: 'okr',
    })
    addItem(doc, { teamId, section: 'x-risks', text: 'r' })
    const keys = team(readSprint(doc)).sections.map((s) => s.key)
    expect(keys.indexOf('x-risks')).toBe(keys.indexOf('okr') + 1)
    expect(texts(readSprint(doc), 'x-risks')).toEqual(['r'])
    removeExtraSection(doc, { teamId, key: 'x-risks' })
    expect(team(readSprint(doc)).sections.map((s) => s.key)).not.toContain('x-risks')
    expect(doc.getMap('items').size).toBe(0)
  })
})

describe('items', () => {
  test('add at positions, with owners, status, task and group', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'a', owners: ['ana'], isTask: true })
    addItem(doc, { teamId, section: 'high', text: 'c' })
    addItem(doc, { teamId, section: 'high', text: 'b', index: 1, group: '@tom' })
    addItem(doc, { teamId, section: 'high', text: 'first', index: 0 })
    const v = readSprint(doc)
    expect(texts(v, 'high')).toEqual(['first', 'a', 'b', 'c'])
    const item = team(v).sections.find((s) => s.key === 'high')?.items[1]
    expect(item).toMatchObject({
      id: a,
      owners: ['ana'],
      isTask: true,
      status: 'unchecked',
      group: '',
    })
    expect(team(v).sections.find((s) => s.key === 'high')?.items[2]?.group).toBe('@tom')
  })

  test('global section items belong to the issue, not a team', () => {
    addItem(doc, { teamId: GLOBAL_TEAM, section: 'takeDown', text: 'Kafka' })
    expect(readSprint(doc).globalSections[0]?.items.map((i) => i.text)).toEqual(['Kafka'])
  })

  test('status is interpreted per section role and kept across moves', () => {
    const id = addItem(doc, { teamId, section: 'okr', text: 'OKR' })
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'okr')?.items[0]?.status).toBe(
      'unset',
    )
    setItemStatus(doc, { itemId: id, status: 'yellow' })
    moveItem(doc, { itemId: id, section: 'retro' })
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'retro')?.items[0]?.status).toBe(
      'unmarked',
    )
    moveItem(doc, { itemId: id, section: 'okr' })
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'okr')?.items[0]?.status).toBe(
      'yellow',
    )
  })

  test('owners are de-duplicated; task flag and group can be changed', () => {
    const id = addItem(doc, { teamId, section: 'high', text: 'x' })
    setOwners(doc, { itemId: id, owners: ['ana', 'tom', 'ana'] })
    setItemTask(doc, { itemId: id, isTask: true })
    setItemGroup(doc, { itemId: id, group: 'Anders' })
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'high')?.items[0]).toMatchObject({
      owners: ['ana', 'tom'],
      isTask: true,
      group: 'Anders',
    })
  })

  test('text edits apply minimal changes and keep emoji whole', () => {
    const id = addItem(doc, { teamId, section: 'okr', text: '🟢 keep up' })
    editItemText(doc, { itemId: id, index: 100, remove: 5, insert: ' with 3x' })
    expect(getItemText(doc, id)?.toString()).toBe('🟢 keep up with 3x')
    const deltas: unknown[] = []
    getItemText(doc, id)?.observe((e) => deltas.push(e.delta))
    setItemText(doc, { itemId: id, text: '🟡 keep up with 3x' })
    expect(getItemText(doc, id)?.toString()).toBe('🟡 keep up with 3x')
    // The whole emoji (two UTF-16 units) is replaced, never half of a surrogate pair.
    expect(deltas).toEqual([[{ delete: 2 }, { insert: '🟡' }]])
  })

  test('nest, un-nest and reorder by keyboard-style moves', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'a' })
    const b = addItem(doc, { teamId, section: 'high', text: 'b' })
    const c = addItem(doc, { teamId, section: 'high', text: 'c' })
    expect(indentItem(doc, { itemId: a })).toBe(false)
    expect(indentItem(doc, { itemId: b })).toBe(true)
    expect(indentItem(doc, { itemId: c })).toBe(true)
    let high = team(readSprint(doc)).sections.find((s) => s.key === 'high')
    expect(high?.items.map((i) => [i.text, i.children.map((x) => x.text)])).toEqual([
      ['a', ['b', 'c']],
    ])
    expect(shiftItem(doc, { itemId: c, by: -1 })).toBe(true)
    expect(shiftItem(doc, { itemId: c, by: -1 })).toBe(false)
    expect(outdentItem(doc, { itemId: c })).toBe(true)
    high = team(readSprint(doc)).sections.find((s) => s.key === 'high')
    expect(high?.items.map((i) => [i.text, i.children.map((x) => x.text)])).toEqual([
      ['a', ['b']],
      ['c', []],
    ])
  })

  test('moving to another section carries the children and keeps the Y.Text', () => {
    const p = addItem(doc, { teamId, section: 'hangover', text: 'carry' })
    const child = addItem(doc, { teamId, section: 'hangover', parent: p, text: 'sub' })
    const text = getItemText(doc, p)
    expect(moveItem(doc, { itemId: p, section: 'high', index: 0 })).toBe(true)
    expect(getItemText(doc, p)).toBe(text)
    const high = team(readSprint(doc)).sections.find((s) => s.key === 'high')
    expect(high?.items[0]?.children.map((c) => c.id)).toEqual([child])
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'hangover')?.items).toEqual([])
  })

  test('moving an item under itself or a descendant is refused', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'a' })
    const b = addItem(doc, { teamId, section: 'high', parent: a, text: 'b' })
    expect(moveItem(doc, { itemId: a, parent: a })).toBe(false)
    expect(moveItem(doc, { itemId: a, parent: b })).toBe(false)
    expect(readSprint(doc).problems).toEqual([])
  })

  test('moving to another team', () => {
    const other = addTeam(doc, { name: 'Replay' })
    const a = addItem(doc, { teamId, section: 'low', text: 'a' })
    moveItem(doc, { itemId: a, teamId: other, section: 'high' })
    expect(texts(readSprint(doc), 'high', other)).toEqual(['a'])
    expect(texts(readSprint(doc), 'low')).toEqual([])
  })

  test('removeItem removes descendants', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'a' })
    addItem(doc, { teamId, section: 'high', parent: a, text: 'b' })
    removeItem(doc, { itemId: a })
    expect(doc.getMap('items').size).toBe(0)
  })

  test('section notes', () => {
    setSectionNotes(doc, { teamId, section: 'retro', text: '✅=finished 🌀=in progress' })
    expect(team(readSprint(doc)).sections.find((s) => s.key === 'retro')?.notes).toBe(
      '✅=finished 🌀=in progress',
    )
  })

  test('every mutation is one transaction with the local origin', () => {
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const id = addItem(doc, { teamId, section: 'high', text: 'a' })
    moveItem(doc, { itemId: id, section: 'low' })
    setOwners(doc, { itemId: id, owners: ['x'] })
    expect(origins).toEqual([LOCAL_ORIGIN, LOCAL_ORIGIN, LOCAL_ORIGIN])
  })
})

describe('joinItemInto (Backspace at the start of an item)', () => {
  test('appends the text and owners, moves the nested items, removes the item', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'Ship ', owners: ['ana'] })
    const b = addItem(doc, {
      teamId,
      section: 'high',
      text: 'the exporter',
      owners: ['tom', 'ana'],
    })
    addItem(doc, { teamId, section: 'high', parent: b, text: 'step one' })
    expect(joinItemInto(doc, { itemId: b, into: a })).toEqual({ caret: 5 })
    const high = team(readSprint(doc)).sections.find((s) => s.key === 'high')?.items ?? []
    expect(high.map((i) => [i.text, i.owners, i.children.map((c) => c.text)])).toEqual([
      ['Ship the exporter', ['ana', 'tom'], ['step one']],
    ])
  })

  test('refuses to join an item into itself or one of its nested items', () => {
    const a = addItem(doc, { teamId, section: 'high', text: 'parent' })
    const c = addItem(doc, { teamId, section: 'high', parent: a, text: 'child' })
    expect(joinItemInto(doc, { itemId: a, into: c })).toBeUndefined()
    expect(joinItemInto(doc, { itemId: a, into: a })).toBeUndefined()
    expect(joinItemInto(doc, { itemId: a, into: 'missing' })).toBeUndefined()
    expect(texts(readSprint(doc), 'high')).toEqual(['parent'])
  })
})
