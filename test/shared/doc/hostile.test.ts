import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  addItem,
  addTeam,
  createSprint,
  isValidOrderKey,
  migrate,
  moveItem,
  moveTeam,
  readSprint,
  removeItem,
  setTemplate,
  ITEM,
  TEAM,
  type ItemView,
} from '../../../shared/doc'
import { MAX_DEPTH } from '../../../shared/doc/read-items'
import { orderKeyFromId } from '../../../shared/doc/migrations'
import { defaultTemplate } from '../../../shared/template'

/** Regression tests for what a hostile or buggy peer can write (found in review). */

function sprint(): { doc: Y.Doc; teamId: string } {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 's',
    title: 'S',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    teams: ['A'],
  })
  return { doc, teamId: readSprint(doc).teams[0]?.id ?? '' }
}

function rawItem(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const m = new Y.Map<unknown>()
  m.set(ITEM.text, new Y.Text(id))
  for (const [k, v] of Object.entries(fields)) m.set(k, v)
  doc.getMap('items').set(id, m)
}

function depthOf(items: ItemView[]): number {
  let max = 0
  const stack: [ItemView, number][] = items.map((i) => [i, 1])
  for (let e = stack.pop(); e; e = stack.pop()) {
    max = Math.max(max, e[1])
    for (const c of e[0].children) stack.push([c, e[1] + 1])
  }
  return max
}

const count = (items: ItemView[]): number => items.reduce((n, i) => n + 1 + count(i.children), 0)

describe('a hostile peer cannot crash or freeze the reader', () => {
  test('an item whose id looks like an internal section key is skipped, not looped on', () => {
    const { doc, teamId } = sprint()
    rawItem(doc, `\u0000${teamId}\u0000high`, {
      team: teamId,
      section: 'high',
      parent: '',
      order: 'a0',
    })
    const v = readSprint(doc)
    expect(v.teams[0]?.sections.find((s) => s.key === 'high')?.items).toEqual([])
    expect(v.problems.map((p) => p.message)).toContain(
      'skipped an item whose id has a NUL character',
    )
  })

  test('a chain of 20,000 parent links reads in linear time, flattened at the depth cap', () => {
    const { doc, teamId } = sprint()
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++) {
        rawItem(doc, `n${i}`, {
          team: teamId,
          section: 'high',
          parent: i === 0 ? '' : `n${i - 1}`,
          order: 'a0',
        })
      }
    })
    const high = readSprint(doc).teams[0]?.sections.find((s) => s.key === 'high')?.items ?? []
    expect(count(high)).toBe(20_000)
    expect(depthOf(high)).toBe(MAX_DEPTH)
    // Structural mutations on such a doc still work.
    addItem(doc, { teamId, section: 'high', parent: 'n19999', text: 'deeper' })
    removeItem(doc, { itemId: 'n0' })
    expect(doc.getMap('items').size).toBe(0)
  })

  test('12,000 extra sections chained on each other neither overflow nor all show', () => {
    const { doc, teamId } = sprint()
    const extras = new Y.Map<unknown>()
    doc.transact(() => {
      doc.getMap('extraSections').set(teamId, extras)
      for (let i = 0; i < 12_000; i++) {
        extras.set(`x${String(i).padStart(5, '0')}`, {
          heading: `X${i}`,
          level: 2,
          kind: 'list',
          after: i === 0 ? 'okr' : `x${String(i - 1).padStart(5, '0')}`,
          order: 'a0',
        })
      }
    })
    const v = readSprint(doc)
    expect(v.teams[0]?.sections.filter((s) => s.isExtra)).toHaveLength(200)
    expect(v.problems.some((p) => p.path === `extraSections/${teamId}`)).toBe(true)
  })

  test('a team with the reserved empty id is skipped', () => {
    const { doc } = sprint()
    const t = new Y.Map<unknown>()
    t.set(TEAM.name, 'Impostor')
    t.set(TEAM.order, 'a5')
    doc.getMap('teams').set('', t)
    const v = readSprint(doc)
    expect(v.teams.map((x) => x.name)).toEqual(['A'])
    expect(v.problems.map((p) => p.path)).toContain('teams/')
  })

  test('global items of a section the template lost stay visible', () => {
    const { doc } = sprint()
    addItem(doc, { teamId: '', section: 'incidents', text: 'follow up on the outage' })
    const v = readSprint(doc)
    const extra = v.globalSections.find((s) => s.key === 'incidents')
    expect(extra?.isExtra).toBe(true)
    expect(extra?.items.map((i) => i.text)).toEqual(['follow up on the outage'])
  })

  test('keys at the edge of the key space never make a mutation throw', () => {
    const { doc, teamId } = sprint()
    rawItem(doc, 'bad', { team: teamId, section: 'high', parent: '', order: '!!' })
    rawItem(doc, 'edge', {
      team: teamId,
      section: 'high',
      parent: '',
      order: 'A00000000000000000000000001',
    })
    const id = addItem(doc, { teamId, section: 'high', text: 'first', index: 0 })
    const high = () =>
      readSprint(doc)
        .teams[0]?.sections.find((s) => s.key === 'high')
        ?.items.map((i) => i.id)
    expect(high()).toEqual([id, 'bad', 'edge'])
    expect(moveItem(doc, { itemId: id, index: 3 })).toBe(true)
    expect(high()).toEqual(['bad', 'edge', id])
    const t2 = addTeam(doc, { name: 'B' })
    ;(doc.getMap('teams').get(t2) as Y.Map<unknown>).set(TEAM.order, 'A00000000000000000000000001')
    moveTeam(doc, { teamId: readSprint(doc).teams.find((t) => t.name === 'A')?.id ?? '', index: 0 })
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['A', 'B'])
  })
})

describe('review fixes in mutations and migrations', () => {
  test('moving a nested item to another section takes it out of its parent', () => {
    const { doc, teamId } = sprint()
    const other = addTeam(doc, { name: 'B' })
    const p = addItem(doc, { teamId, section: 'high', text: 'p' })
    const c = addItem(doc, { teamId, section: 'high', parent: p, text: 'c' })
    expect(moveItem(doc, { itemId: c, teamId: other, section: 'low' })).toBe(true)
    const v = readSprint(doc)
    expect(
      v.teams
        .find((t) => t.id === other)
        ?.sections.find((s) => s.key === 'low')
        ?.items.map((i) => i.id),
    ).toEqual([c])
    expect(
      v.teams.find((t) => t.id === teamId)?.sections.find((s) => s.key === 'high')?.items[0]
        ?.children,
    ).toEqual([])
  })

  test('peers that saw different items migrate them to the same keys, ordered by id', () => {
    const legacy = (ids: string[]): Y.Doc => {
      const d = new Y.Doc()
      for (const id of ids) rawItem(d, id, { team: '', section: 'takeDown', parent: '' })
      return d
    }
    const a = legacy(['a', 'b', 'c'])
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    rawItem(b, 'a2', { team: '', section: 'takeDown', parent: '' })
    migrate(a)
    migrate(b)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const keys = (d: Y.Doc) =>
      ['a', 'a2', 'b', 'c'].map((id) =>
        (d.getMap('items').get(id) as Y.Map<unknown>).get(ITEM.order),
      )
    expect(keys(a)).toEqual(keys(b))
    expect(new Set(keys(a)).size).toBe(4)
    expect(readSprint(a).globalSections[0]?.items.map((i) => i.id)).toEqual(['a', 'a2', 'b', 'c'])
  })

  test('keys derived from ids are valid and sort like the ids', () => {
    const gen = prng.create(3)
    const ids = Array.from({ length: 2000 }, () => prng.utf16String(gen, 12))
    for (const id of ids) expect(isValidOrderKey(orderKeyFromId(id))).toBe(true)
    const byKey = [...ids].sort((x, y) =>
      (orderKeyFromId(x) as string) < (orderKeyFromId(y) as string) ? -1 : 1,
    )
    const byId = [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    expect(byKey).toEqual(byId)
    expect((orderKeyFromId('zzz') as string) < 'a0').toBe(true)
  })

  test('setTemplate removing a global section keeps its items visible', () => {
    const { doc } = sprint()
    addItem(doc, { teamId: '', section: 'takeDown', text: 'risk' })
    const t = defaultTemplate()
    t.issue = { title: 'Global Sprint Planning', sections: [] }
    setTemplate(doc, t)
    expect(readSprint(doc).globalSections.flatMap((s) => s.items.map((i) => i.text))).toEqual([
      'risk',
    ])
  })
})
