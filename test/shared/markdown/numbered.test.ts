import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItem,
  migrate,
  readSprint,
  setChildListStyle,
  setListStyle,
  listStyle,
  ITEM,
  META,
  SCHEMA_VERSION,
} from '../../../shared/doc'
import { exportTeam, importComment } from '../../../shared/markdown'
import { NETWORK_ORIGIN, syncPair } from '../../helpers/convergence'
import { newSprint } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown/fidelity')

describe('a numbered list stays numbered', () => {
  const golden = readFileSync(resolve(GOLDEN, 'numbered-lists.md'), 'utf8')

  it('exports a comment with numbered, bulleted and nested lists byte for byte', () => {
    const doc = newSprint()
    const { teamId } = importComment(doc, golden)
    expect(exportTeam(doc, teamId)).toBe(golden)
  })

  it('keeps the style and start of each list in the document', () => {
    const doc = newSprint()
    importComment(doc, golden)
    const team = readSprint(doc).teams[0]
    const section = (key: string) => team?.sections.find((s) => s.key === key)
    expect(section('okr')).toMatchObject({ listStyle: 'bullet', listStart: 1 })
    expect(section('high')).toMatchObject({ listStyle: 'ordered', listStart: 1 })
    expect(section('okr')?.items[1]?.list).toEqual({ ordered: true, start: 1 })
    const starts = team?.sections.filter((s) => s.isExtra).map((s) => [s.listStyle, s.listStart])
    expect(starts).toEqual([
      ['ordered', 7],
      ['ordered', 1],
      ['bullet', 1],
    ])
  })

  it('numbers new items of a numbered template section (OKR), bullets the others', () => {
    const doc = newSprint('team-2024', ['Web'])
    const teamId = readSprint(doc).teams[0]?.id ?? ''
    addItem(doc, { teamId, section: 'okr', text: 'Grow' })
    addItem(doc, { teamId, section: 'okr', text: 'Hire' })
    addItem(doc, { teamId, section: 'high', text: 'Ship' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain('## OKR\n\n1. Grow\n2. Hire\n')
    expect(out).toContain('### High priority\n\n- Ship\n')
  })

  it('changes one list only, and a nested list by its parent', () => {
    const doc = newSprint('team-2024', ['Web', 'Infra'])
    const [web, infra] = readSprint(doc).teams.map((t) => t.id)
    const parent = addItem(doc, { teamId: web ?? '', section: 'high', text: 'a' })
    addItem(doc, { teamId: web ?? '', section: 'high', parent, text: 'b' })
    addItem(doc, { teamId: infra ?? '', section: 'high', text: 'c' })
    setListStyle(doc, { teamId: web ?? '', section: 'high', style: listStyle(true, 3) })
    setChildListStyle(doc, { itemId: parent, style: listStyle(true) })
    expect(exportTeam(doc, web ?? '')).toContain('### High priority\n\n3. a\n   1. b\n')
    expect(exportTeam(doc, infra ?? '')).toContain('### High priority\n\n- c\n')
  })
})

describe('list styles in the document', () => {
  it('migrates a version 1 document: every list with items keeps the style it was shown with', () => {
    const doc = newSprint('team-2024', ['Web'])
    const teamId = readSprint(doc).teams[0]?.id ?? ''
    addItem(doc, { teamId, section: 'okr', text: 'Grow' })
    addItem(doc, { teamId, section: 'high', text: 'Ship' })
    doc.getMap('meta').set(META.schemaVersion, 1)
    const update = Y.encodeStateAsUpdate(doc)
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(a, update, NETWORK_ORIGIN)
    Y.applyUpdate(b, update, NETWORK_ORIGIN)
    expect(migrate(a)).toBe(true)
    expect(migrate(b)).toBe(true)
    expect(migrate(a)).toBe(true)
    syncPair(a, b)
    expect(a.getMap('lists').toJSON()).toEqual({
      [`${teamId}/okr`]: { ordered: true, start: 1 },
      [`${teamId}/high`]: { ordered: false, start: 1 },
    })
    expect(readSprint(a)).toEqual(readSprint(b))
    expect(readSprint(a).meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(exportTeam(a, teamId)).toBe(exportTeam(doc, teamId))
  })

  it('two people numbering the same list at once converge on one style', () => {
    const [a, b] = [newSprint('team-2024', ['Web']), new Y.Doc()]
    syncPair(a, b)
    const teamId = readSprint(a).teams[0]?.id ?? ''
    const item = addItem(a, { teamId, section: 'high', text: 'x' })
    syncPair(a, b)
    setListStyle(a, { teamId, section: 'high', style: listStyle(true, 2) })
    setListStyle(b, { teamId, section: 'high', style: listStyle(false) })
    setChildListStyle(a, { itemId: item, style: listStyle(true, 5) })
    setChildListStyle(b, { itemId: item, style: listStyle(false) })
    syncPair(a, b)
    expect(readSprint(a)).toEqual(readSprint(b))
    expect(exportTeam(a, teamId)).toBe(exportTeam(b, teamId))
  })

  it('reads a malformed list style as the template style, with a problem', () => {
    const doc = newSprint('team-2024', ['Web'])
    const teamId = readSprint(doc).teams[0]?.id ?? ''
    const item = addItem(doc, { teamId, section: 'okr', text: 'Grow' })
    doc.getMap('lists').set(`${teamId}/okr`, 'numbered')
    doc.transact(() => doc.getMap<Y.Map<unknown>>('items').get(item)?.set(ITEM.list, [1]))
    const view = readSprint(doc)
    expect(view.teams[0]?.sections.find((s) => s.key === 'okr')?.listStyle).toBe('ordered')
    expect(view.problems.map((p) => p.path)).toEqual([`items/${item}/list`, `lists/${teamId}/okr`])
  })
})
