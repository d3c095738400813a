import { describe, expect, it } from 'vitest'
import { addItem, addTeam, readSprint, setTemplate } from '../../../shared/doc'
import { exportTeam, importComment } from '../../../shared/markdown'
import {
  TemplateEditError,
  addSection,
  customTemplate,
  defaultTemplate,
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
})
