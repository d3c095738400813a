import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import { addItem, createSprint, readSprint, ITEM, TEAM, type ItemView } from '../../../shared/doc'
import { defaultTemplate } from '../../../shared/template'

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

const high = (doc: Y.Doc): ItemView[] =>
  readSprint(doc).teams[0]?.sections.find((s) => s.key === 'high')?.items ?? []

describe('readSprint on malformed documents', () => {
  test('an empty doc reads as an empty sprint with the default template', () => {
    const v = readSprint(new Y.Doc())
    expect(v.teams).toEqual([])
    expect(v.template).toEqual(defaultTemplate())
    expect(v.problems).toEqual([])
  })

  test('values of the wrong type are skipped and reported, never thrown on', () => {
    const { doc, teamId } = sprint()
    const id = addItem(doc, { teamId, section: 'high', text: 'ok' })
    const item = doc.getMap('items').get(id) as Y.Map<unknown>
    item.set(ITEM.owners, ['ana', 42, null, 'tom'])
    item.set(ITEM.task, 'yes')
    item.set(ITEM.status, { evil: true })
    item.set(ITEM.group, 7)
    const team = doc.getMap('teams').get(teamId) as Y.Map<unknown>
    team.set(TEAM.name, 123)
    team.set(TEAM.heroes, [{ handle: 'ana' }, 'bob', { handle: 5 }])
    doc.getMap('meta').set('title', ['not', 'a', 'string'])
    const v = readSprint(doc)
    expect(v.teams[0]?.name).toBe('')
    expect(v.teams[0]?.heroes).toEqual([{ handle: 'ana', label: '' }])
    expect(v.meta.title).toBe('')
    expect(high(doc)[0]).toMatchObject({
      text: 'ok',
      owners: ['ana', 'tom'],
      isTask: false,
      status: 'unchecked',
      group: '',
    })
    const paths = v.problems.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        `items/${id}/owners`,
        `items/${id}/task`,
        `items/${id}/group`,
        `teams/${teamId}/name`,
        `teams/${teamId}/heroes`,
        'meta/title',
      ]),
    )
  })

  test('non-map entries in the item and team maps are skipped', () => {
    const { doc } = sprint()
    doc.getMap('items').set('junk', 'hello')
    doc.getMap('teams').set('junk', new Y.Text('x'))
    const v = readSprint(doc)
    expect(v.teams).toHaveLength(1)
    expect(v.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['items/junk', 'teams/junk']),
    )
  })

  test('missing keys fall back to defaults; an invalid order key sorts first', () => {
    const { doc, teamId } = sprint()
    addItem(doc, { teamId, section: 'high', text: 'b' })
    const bare = new Y.Map<unknown>()
    bare.set(ITEM.team, teamId)
    bare.set(ITEM.section, 'high')
    bare.set(ITEM.order, '!!!')
    doc.getMap('items').set('bare', bare)
    expect(high(doc).map((i) => [i.id, i.text])).toEqual([
      ['bare', ''],
      [expect.any(String), 'b'],
    ])
    expect(readSprint(doc).problems.map((p) => p.path)).toContain('items/bare/order')
  })

  test('an unknown section kind or role from a newer version reads as a plain list', () => {
    const { doc, teamId } = sprint()
    const t = defaultTemplate() as unknown as { sections: Record<string, unknown>[] }
    t.sections.push({
      key: 'future',
      heading: 'Future',
      level: 2,
      kind: 'kanban',
      role: 'vote',
      listStyle: 'bullet',
    })
    doc.getMap('meta').set('template', t)
    addItem(doc, { teamId, section: 'future', text: 'x', status: 'done' })
    const s = readSprint(doc).teams[0]?.sections.find((x) => x.key === 'future')
    expect(s).toMatchObject({ kind: 'list', role: 'plain', isExtra: false })
    expect(s?.items[0]?.status).toBe('unchecked')
    // The unknown kind is kept in the document as written.
    expect(
      (doc.getMap('meta').get('template') as { sections: { kind: string }[] }).sections.at(-1)
        ?.kind,
    ).toBe('kanban')
  })

  test('an unreadable template falls back to the default one', () => {
    const { doc } = sprint()
    doc.getMap('meta').set('template', 'garbage')
    const v = readSprint(doc)
    expect(v.template.id).toBe('team-2024')
    expect(v.problems.map((p) => p.path)).toContain('meta/template')
  })

  test('items in an unknown section are shown in an extra section, not hidden', () => {
    const { doc, teamId } = sprint()
    addItem(doc, { teamId, section: 'nowhere', text: 'lost?' })
    const s = readSprint(doc).teams[0]?.sections.find((x) => x.key === 'nowhere')
    expect(s?.isExtra).toBe(true)
    expect(s?.items.map((i) => i.text)).toEqual(['lost?'])
  })

  test('a parent that is missing puts the item at the top level', () => {
    const { doc, teamId } = sprint()
    const id = addItem(doc, { teamId, section: 'high', text: 'orphan' })
    ;(doc.getMap('items').get(id) as Y.Map<unknown>).set(ITEM.parent, 'gone')
    expect(high(doc).map((i) => i.text)).toEqual(['orphan'])
    expect(readSprint(doc).problems.map((p) => p.path)).toContain(`items/${id}/parent`)
  })

  test('cycles in parent links are broken deterministically, every item stays visible', () => {
    const { doc, teamId } = sprint()
    const a = addItem(doc, { id: 'a', teamId, section: 'high', text: 'a' })
    const b = addItem(doc, { id: 'b', teamId, section: 'high', text: 'b' })
    const c = addItem(doc, { id: 'c', teamId, section: 'high', text: 'c' })
    const items = doc.getMap('items')
    ;(items.get(a) as Y.Map<unknown>).set(ITEM.parent, c)
    ;(items.get(b) as Y.Map<unknown>).set(ITEM.parent, a)
    ;(items.get(c) as Y.Map<unknown>).set(ITEM.parent, b)
    const tree = high(doc)
    // Broken at the smallest id ('a'): a → b → c.
    expect(tree.map((i) => i.id)).toEqual(['a'])
    expect(tree[0]?.children[0]?.id).toBe('b')
    expect(tree[0]?.children[0]?.children[0]?.id).toBe('c')
    expect(readSprint(doc).problems).toEqual([
      { path: 'items/a/parent', message: expect.stringContaining('cycle') },
    ])
  })

  test('a self-parented item and a team-less item do not crash the reader', () => {
    const { doc, teamId } = sprint()
    const a = addItem(doc, { teamId, section: 'high', text: 'self' })
    ;(doc.getMap('items').get(a) as Y.Map<unknown>).set(ITEM.parent, a)
    addItem(doc, { teamId: 'no-such-team', section: 'high', text: 'ghost' })
    const v = readSprint(doc)
    expect(high(doc).map((i) => i.text)).toEqual(['self'])
    expect(v.problems.length).toBeGreaterThanOrEqual(2)
  })
})
