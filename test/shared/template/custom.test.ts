import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createUndoManager,
  readSprint,
  readTemplate,
  removeTemplateSection,
  setTemplate,
  updateTemplate,
} from '../../../shared/doc'
import { exportTeam, importComment } from '../../../shared/markdown'
import {
  TemplateEditError,
  addSection,
  customTemplate,
  defaultTemplate,
  moveSection,
  newSection,
  removeSection,
  renameSection,
} from '../../../shared/template'
import { newSprint } from '../markdown/helpers'

describe('custom templates', () => {
  const base = customTemplate(defaultTemplate(), 'custom-web', 'Web team')

  it('adds, renames and removes sections, and the export follows', () => {
    let t = addSection(
      base,
      {
        key: 'risks',
        heading: 'Risks',
        level: 3,
        kind: 'list',
        role: 'plain',
        listStyle: 'bullet',
        placeholder: '-',
      },
      'low',
    )
    t = renameSection(t, 'high', 'Must do')
    t = removeSection(t, 'hangover')
    const doc = newSprint()
    setTemplate(doc, t)
    const teamId = addTeam(doc, { name: 'Web' })
    addItem(doc, { teamId, section: 'risks', text: 'Holidays' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain(
      '### Must do\n\n-\n\n### Low priority / side quests\n\n-\n\n### Risks\n\n- Holidays\n',
    )
    expect(out).not.toContain('Hang over')
    // Import reads the custom headings back into the same sections.
    const again = newSprint()
    setTemplate(again, t)
    const { teamId: id } = importComment(again, out)
    const risks = readSprint(again)
      .teams.find((x) => x.id === id)
      ?.sections.find((s) => s.key === 'risks')
    expect(risks?.items.map((i) => i.text)).toEqual(['Holidays'])
    expect(exportTeam(again, id)).toBe(out)
  })

  it('refuses duplicate keys and unknown sections with a clear error', () => {
    const dup = { ...defaultTemplate().sections[1], key: 'high' } as (typeof base.sections)[number]
    expect(() => addSection(base, dup, 'low')).toThrow(/two sections have the key "high"/)
    expect(() => renameSection(base, 'nope', 'x')).toThrow(TemplateEditError)
    expect(() => removeSection(base, 'nope')).toThrow(/no section "nope"/)
  })

  it('uses the legend stored with the template for export and import', () => {
    const doc = newSprint()
    setTemplate(doc, { ...base, legend: { ...base.legend, done: '✔️' } })
    const teamId = addTeam(doc, { name: 'Web' })
    addItem(doc, { teamId, section: 'retro', text: 'Shipped', status: 'done' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain('- ✔️ Shipped\n')
    const { teamId: id } = importComment(doc, out.replace('# Team Web', '# Team Web 2'))
    const retro = readSprint(doc)
      .teams.find((x) => x.id === id)
      ?.sections.find((s) => s.key === 'retro')
    expect(retro?.items[0]?.status).toBe('done')
  })

  it('moves sections one place, and leaves the ends alone', () => {
    const keys = (t: typeof base): string[] => t.sections.map((s) => s.key)
    const before = keys(base)
    expect(keys(moveSection(base, 'okr', -1))).toEqual(
      ['supportHero', 'retro', 'okr', 'hangover', 'high', 'low'].filter((k) => before.includes(k)),
    )
    expect(moveSection(base, 'supportHero', -1)).toBe(base)
    expect(moveSection(base, 'low', 1)).toBe(base)
    expect(() => moveSection(base, 'nope', 1)).toThrow(TemplateEditError)
  })

  it('makes new sections with unique readable keys and the built-in placeholders', () => {
    const a = newSection(base, { heading: ' Stretch goals! ', level: 3, kind: 'list' })
    expect(a).toMatchObject({ key: 'stretch-goals', heading: 'Stretch goals!', placeholder: '-' })
    const withA = addSection(base, a, 'low')
    expect(newSection(withA, { heading: 'Stretch goals', level: 3, kind: 'list' }).key).toBe(
      'stretch-goals-2',
    )
    expect(newSection(base, { heading: 'High', level: 3, kind: 'list' }).key).toBe('high-2')
    expect(newSection(base, { heading: '🚀', level: 2, kind: 'group' })).toMatchObject({
      key: 'section',
      kind: 'group',
    })
    const okr = newSection(base, {
      heading: 'Goals',
      level: 2,
      kind: 'list',
      role: 'okr',
      listStyle: 'ordered',
    })
    expect(okr).toMatchObject({ role: 'okr', listStyle: 'ordered', placeholder: '1.' })
    expect(() => newSection(base, { heading: '  ', level: 3, kind: 'list' })).toThrow(
      /needs a heading/,
    )
  })

  it('updateTemplate edits the stored template as one undoable step, made custom', () => {
    const doc = newSprint()
    const undo = createUndoManager(doc)
    updateTemplate(doc, (t) => renameSection(t, 'high', 'Must do'))
    const t = readTemplate(doc)
    expect(t.id).toBe('custom-team-2024')
    expect(t.name).toBe('Team template (2024) (customised)')
    expect(t.sections.find((s) => s.key === 'high')?.heading).toBe('Must do')
    // A second edit keeps the custom id (no "(customised) (customised)").
    updateTemplate(doc, (x) => moveSection(x, 'low', -1))
    expect(readTemplate(doc).name).toBe('Team template (2024) (customised)')
    undo.stopCapturing()
    undo.undo()
    expect(readTemplate(doc).sections.at(-1)?.key).toBe('low')
  })

  it('updateTemplate writes nothing when the edit is refused or changes nothing', () => {
    const doc = newSprint()
    let updates = 0
    doc.on('update', () => updates++)
    expect(() => updateTemplate(doc, (t) => removeSection(t, 'nope'))).toThrow(TemplateEditError)
    updateTemplate(doc, (t) => moveSection(t, 'supportHero', -1))
    expect(updates).toBe(0)
    expect(readTemplate(doc).id).toBe('team-2024')
  })

  it('keeps the items of a section removed concurrently with a peer adding to it', () => {
    const a = newSprint()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const teamId = addTeam(a, { name: 'Web' })
    updateTemplate(a, (t) =>
      addSection(t, newSection(t, { heading: 'Risks', level: 3, kind: 'list' }), 'low'),
    )
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    // Concurrently: A adds an item to Risks, B removes the section.
    addItem(a, { teamId, section: 'risks', text: 'Holidays' })
    updateTemplate(b, (t) => removeSection(t, 'risks'))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const [va, vb] = [readSprint(a), readSprint(b)]
    expect(va).toEqual(vb)
    const texts = va.teams[0]?.sections.flatMap((s) => s.items.map((i) => i.text))
    expect(texts).toContain('Holidays')
  })

  it('removeTemplateSection keeps a team’s items in a section of its own, same heading and kind', () => {
    const doc = newSprint()
    const web = addTeam(doc, { name: 'Web' })
    const data = addTeam(doc, { name: 'Data' })
    addItem(doc, {
      teamId: web,
      section: 'hangover',
      text: 'Old migration',
      status: 'deprioritised',
    })
    const before = exportTeam(doc, web)
    removeTemplateSection(doc, 'hangover')
    const view = readSprint(doc)
    expect(view.template.sections.map((s) => s.key)).not.toContain('hangover')
    const keys = (id: string): string[] =>
      view.teams.find((t) => t.id === id)?.sections.map((s) => s.key) ?? []
    expect(keys(data)).not.toContain('hangover')
    // Web keeps it, at its place, with its heading, guidance and decisions: the export is unchanged.
    expect(keys(web)).toEqual(['supportHero', 'retro', 'hangover', 'okr', 'high', 'low'])
    const kept = view.teams.find((t) => t.id === web)?.sections.find((s) => s.key === 'hangover')
    expect(kept).toMatchObject({ isExtra: true, role: 'hangover' })
    expect(kept?.items[0]?.status).toBe('deprioritised')
    expect(exportTeam(doc, web)).toBe(before)
    expect(exportTeam(doc, data)).not.toContain('Hang over')
    // Putting it back in the template shows it in every team again, items in place.
    const def = defaultTemplate().sections.find((s) => s.key === 'hangover')
    if (!def) throw new Error('no hangover section')
    updateTemplate(doc, (t) => addSection(t, def, 'retro'))
    const again = readSprint(doc)
    for (const t of again.teams) expect(t.sections.map((s) => s.key)).toContain('hangover')
    expect(again.teams.flatMap((t) => t.sections).filter((s) => s.isExtra)).toEqual([])
    expect(exportTeam(doc, web)).toBe(before)
  })
})
