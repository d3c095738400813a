import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  IMPORT_ORIGIN,
  createSprint,
  readSprint,
  setMembers,
  type ItemView,
  type SectionView,
  type TeamView,
} from '../../../shared/doc'
import {
  exportSprint,
  exportTeam,
  importComment,
  importIssue,
  importTarget,
  MAX_MARKDOWN_LENGTH,
  pickTemplate,
} from '../../../shared/markdown'
import { TEMPLATES } from '../../../shared/template'
import { commentFixtures, fixture, lostWords, newSprint, recognisedHeadingWords } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown')

function importInto(doc: Y.Doc, markdown: string): { team: TeamView; out: string } {
  const { teamId } = importComment(doc, markdown)
  const team = readSprint(doc).teams.find((t) => t.id === teamId) as TeamView
  return { team, out: exportTeam(doc, teamId) }
}

function section(team: TeamView, key: string): SectionView {
  const s = team.sections.find((x) => x.key === key)
  if (!s) throw new Error(`no section ${key}`)
  return s
}

const statuses = (items: readonly ItemView[]): string[] => items.map((i) => i.status)

describe.each(commentFixtures())('importing comments/%s', (file) => {
  const markdown = fixture(`comments/${file}`)

  it('loses no word (only recognised headings are respelt)', () => {
    const { out } = importInto(newSprint(), markdown)
    expect(lostWords(markdown, out, recognisedHeadingWords(markdown))).toEqual([])
  })

  it('exports the golden file, and that text is a fixed point of import + export', () => {
    const { out } = importInto(newSprint(), markdown)
    expect(out).toBe(readFileSync(resolve(GOLDEN, 'comments', file), 'utf8'))
    expect(importInto(newSprint(), out).out).toBe(out)
  })

  it('comes back in the shape of the template that fits it best', () => {
    const template = pickTemplate(markdown)
    const doc = new Y.Doc()
    createSprint(doc, { title: 't', startDate: '', endDate: '', template })
    const { out } = importInto(doc, markdown)
    expect(out).toBe(readFileSync(resolve(GOLDEN, 'converted', file), 'utf8'))
    expect(lostWords(markdown, out, recognisedHeadingWords(markdown))).toEqual([])
    const again = new Y.Doc()
    createSprint(again, { title: 't', startDate: '', endDate: '', template })
    expect(importInto(again, out).out).toBe(out)
  })

  it('reports no problem to the tolerant reader', () => {
    const doc = newSprint()
    importComment(doc, markdown)
    expect(readSprint(doc).problems).toEqual([])
  })
})

describe('warnings of a whole issue', () => {
  it('name the team each is about, and say each thing once', () => {
    const comment = (name: string) => `# Team ${name}\n\n## Tasks\n\n- one\n`
    const doc = newSprint()
    const { warnings } = importIssue(
      doc,
      [comment('Infra'), comment('Flags'), comment('Flags')].join('\n'),
    )
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/^Infra: kept the unknown section "Tasks"/)
    expect(warnings[1]).toMatch(/^Flags: kept the unknown section "Tasks"/)
  })
})

describe('what the importer understands', () => {
  it('01: statuses, owners, hang-over decisions, OKR action points and tasks', () => {
    const { team } = importInto(newSprint(), fixture('comments/01-pipeline-clean.md'))
    expect(team.name).toBe('Pipeline')
    expect(team.heroes).toEqual([{ label: '', handle: 'ana-lopez' }])
    const retro = section(team, 'retro').items
    expect(statuses(retro)).toEqual(['done', 'done', 'partly', 'dropped'])
    expect(retro[0]?.text).toBe('Move the event deduplication step behind a feature flag')
    expect(retro[0]?.owners).toEqual(['ana-lopez'])
    const hang = section(team, 'hangover').items
    expect(statuses(hang)).toEqual(['reprioritised', 'deprioritised'])
    // The decision word leaves the text when the export writes it back the same; `deprioritise`
    // (not the word Sprintpad writes) stays as written.
    expect(hang.map((i) => i.text)).toEqual([
      'Replay the dead letter queue from March.',
      'Collect broker latency for node producers. deprioritise',
    ])
    const okr = section(team, 'okr').items
    expect(statuses(okr)).toEqual(['green', 'yellow', 'red'])
    // A trailing @handle is an owner: stored apart, written back at the end.
    expect(okr[2]?.children[0]?.text).toBe('action: chaos test with two brokers down, owner')
    expect(okr[2]?.children[0]?.owners).toEqual(['tom-reid'])
    const high = section(team, 'high').items
    expect(high.map((i) => i.isTask)).toEqual([true, true, true])
    expect(high[1]?.owners).toEqual(['tom-reid', 'li-wei'])
  })

  it('02: trailing status emoji, nested items, the legend kept as notes', () => {
    const { team } = importInto(newSprint(), fixture('comments/02-error-tracking-emoji.md'))
    expect(team.name).toBe('Error Tracking, obsessing over stack traces')
    const retro = section(team, 'retro')
    expect(retro.notes).toBe('✅=finished 🌀=in progress ⛔=stopped')
    expect(retro.items[3]).toMatchObject({ text: 'Sparklines on the issue list', status: 'done' })
    expect(statuses(retro.items[2]?.children ?? [])).toEqual(['dropped', 'done'])
    expect(retro.items[1]?.text).toBe(
      'Grouping of exceptions by fingerprint @maya-k - close, will ship next week',
    )
    expect(retro.items[1]?.owners).toEqual(['maya-k'])
    expect(section(team, 'hangover').items.map((i) => [i.text, i.status])).toEqual([
      ['Grouping of exceptions by fingerprint', 'reprioritised'],
      ['Assign to groups', 'deprioritised'],
    ])
  })

  it('keeps a second status glyph at the end of an item as text', () => {
    const md = [
      '# Team Web',
      '',
      '## Retro',
      '',
      '- ✅ Shipped the batch exporter ❌',
      '',
      '## OKR',
      '',
      '1. 🟢 Reduce p95 🔴',
      '',
    ].join('\n')
    const { team, out } = importInto(newSprint(), md)
    expect(section(team, 'retro').items[0]).toMatchObject({
      text: 'Shipped the batch exporter ❌',
      status: 'done',
    })
    expect(section(team, 'okr').items[0]).toMatchObject({ text: 'Reduce p95 🔴', status: 'green' })
    expect(out).toContain('- ✅ Shipped the batch exporter ❌\n')
    expect(out).toContain('1. 🟢 Reduce p95 🔴\n')
  })

  it('gives a team with no members the people of its comment, hero first', () => {
    const doc = newSprint()
    const { team } = importInto(doc, fixture('comments/01-pipeline-clean.md'))
    expect(team.members[0]).toBe('ana-lopez')
    expect(team.members).toContain('tom-reid')
    expect(new Set(team.members.map((m) => m.toLowerCase())).size).toBe(team.members.length)
    // Members a team already has are kept as they are.
    setMembers(doc, { teamId: team.id, members: ['zoe'] })
    importComment(doc, fixture('comments/01-pipeline-clean.md'), { teamId: team.id })
    expect(readSprint(doc).teams[0]?.members).toEqual(['zoe'])
  })

  it('08: warns that a <details> block is never closed, keeping it as written', () => {
    const md = fixture('comments/08-truncated.md')
    const { warnings } = importComment(newSprint(), md)
    expect(warnings.join('\n')).toMatch(/a <details> block is never closed/)
    // Balanced ones are fine.
    expect(
      importComment(newSprint(), fixture('comments/03-growth-details.md')).warnings.join('\n'),
    ).not.toMatch(/details/)
  })

  it('03: text before the heading, <details>, items grouped under @handle bullets', () => {
    const { team } = importInto(newSprint(), fixture('comments/03-growth-details.md'))
    const first = team.sections[0]
    expect(first?.definition.layout?.preamble).toBe(true)
    expect(first?.notes).toContain('_Last plan, for reference:_')
    const retro = section(team, 'retro')
    expect(retro.notes).toBe('<details><summary>Retro items (click to open)</summary>')
    expect(new Set(retro.items.map((i) => i.group))).toEqual(new Set(['@sam-o', '@rita-m']))
    expect(retro.items[0]).toMatchObject({ text: 'Support week 1', isTask: true, status: 'done' })
    const high = section(team, 'high').items
    expect(high.map((i) => [i.group, i.text])).toEqual([
      ['@sam-o', 'Access control: first PR merged'],
      ['@sam-o', 'Card entry experiment'],
      ['@rita-m', 'Default plan roll-out'],
    ])
  })

  it('04: colon outside the bold, time off, 2025 headings matched by synonym', () => {
    const doc = newSprint('team-2025-q4')
    const { team } = importInto(doc, fixture('comments/04-infra-variants.md'))
    expect(team.heroes).toEqual([{ label: '', handle: 'frank-h' }])
    expect(team.offDuring).toBe('@dana (2 days), @li-wei (Friday)')
    expect(section(team, 'okr').items).toHaveLength(5)
    expect(section(team, 'retro').items).toHaveLength(4)
    expect(section(team, 'impacted').items[0]?.owners).toEqual(['example/team-pipeline'])
    expect(team.sections.every((s) => !s.isExtra)).toBe(true)
  })

  it('05: support heroes per week', () => {
    const { team } = importInto(newSprint(), fixture('comments/05-flags-2026.md'))
    expect(team.heroes).toEqual([
      { label: 'week 1', handle: 'neil-k' },
      { label: 'week 2', handle: 'phani-r' },
    ])
  })

  it('07: per-person headings and a bare @handle line keep their grouping', () => {
    const { team } = importInto(newSprint(), fixture('comments/07-experiments-by-person.md'))
    const anders = team.sections.find((s) => s.heading === 'Anders')
    expect(anders?.items.map((i) => i.group)).toEqual(['Anders', 'Anders'])
    const juraj = team.sections.find((s) => s.heading === 'Juraj')
    expect(juraj?.items.map((i) => i.group)).toEqual(['Juraj', 'Juraj', '@dylan-m', '@dylan-m'])
    expect(section(team, 'high').items).toHaveLength(2)
    expect(section(team, 'low').items[0]?.text).toBe('Docs refresh')
  })

  it('09: placeholders left in place import as empty sections', () => {
    const { team } = importInto(newSprint(), fixture('comments/09-template-leftovers.md'))
    expect(team.heroes).toEqual([])
    for (const key of ['retro', 'hangover', 'okr', 'low'])
      expect(section(team, key).items).toEqual([])
    expect(section(team, 'high').items).toHaveLength(2)
  })

  it.each([
    ['**Support hero:** @kim', 'bold label'],
    ['**Support hero**: @kim', 'colon outside the bold'],
    ['- Support hero: @kim', 'a bullet'],
    ['## Support hero\n\n@kim', 'a heading'],
    ['Support hero: @kim', 'a plain label'],
  ])('reads the support hero written as %j (%s)', (line) => {
    const { team, out } = importInto(newSprint(), `# Team Web\n\n${line}\n\n## Retro\n\n- ✅ x\n`)
    expect(team.heroes).toEqual([{ label: '', handle: 'kim' }])
    expect(out).toContain('**Support hero:** @kim\n\n## Retro')
    expect(section(team, 'retro').items[0]?.status).toBe('done')
  })

  it('reads a team heading without #, and the colon-less bold label', () => {
    const doc = newSprint('team-2021')
    const { team, out } = importInto(
      doc,
      'Team Web\n\n**Support hero** @kim\n\n## High Prio\n- a\n',
    )
    expect(team.name).toBe('Web')
    expect(team.heroes).toEqual([{ label: '', handle: 'kim' }])
    expect(section(team, 'high').items[0]?.text).toBe('a')
    expect(out.startsWith('Team Web\n')).toBe(true)
  })
})

describe('importComment into an existing sprint', () => {
  it('merges into the team with the same name and runs as one import transaction', () => {
    const doc = newSprint('team-2024', ['Pipeline'])
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const { teamId } = importComment(doc, '# Team pipeline\n\n### High priority\n\n- one\n')
    importComment(doc, '# Team Pipeline\n\n### High priority\n\n- two\n')
    const view = readSprint(doc)
    expect(view.teams).toHaveLength(1)
    expect(view.teams[0]?.id).toBe(teamId)
    expect(section(view.teams[0] as TeamView, 'high').items.map((i) => i.text)).toEqual([
      'one',
      'two',
    ])
    expect(origins).toEqual([IMPORT_ORIGIN, IMPORT_ORIGIN])
  })

  it('merges into options.teamId whatever the heading says', () => {
    const doc = newSprint('team-2024', ['CDP'])
    const id = readSprint(doc).teams[0]?.id ?? ''
    expect(importComment(doc, '# Team Other\n', { teamId: id }).teamId).toBe(id)
    expect(readSprint(doc).teams).toHaveLength(1)
  })

  it('names a comment without a team heading, with a warning that says where it went', () => {
    const doc = newSprint()
    const r = importComment(doc, '- just an item\n')
    expect(r.warnings.join()).toMatch(
      /no "Team …" heading found; imported as a new team named "Unnamed"/,
    )
    expect(readSprint(doc).teams[0]?.name).toBe('Unnamed')
    const into = importComment(doc, '- another\n', { teamId: r.teamId })
    expect(into.warnings.join()).toMatch(/no "Team …" heading found; merged into the chosen team/)
  })

  it('importIssue says when it found no team comment', () => {
    const doc = newSprint()
    const r = importIssue(doc, 'random words\n\n- and a list\n')
    expect(r.teamIds).toEqual([])
    expect(r.warnings).toContain(
      'no "# Team …" comment found; everything was read into the issue\'s own sections',
    )
    expect(importIssue(newSprint(), '# Team A\n').warnings.join()).not.toMatch(/no "# Team/)
  })

  it('importTarget tells where an import would go, and writes nothing', () => {
    const doc = newSprint('team-2024', ['Pipeline'])
    const pipeline = readSprint(doc).teams[0]?.id ?? ''
    let updates = 0
    doc.on('update', () => updates++)
    expect(importTarget(doc, '# Team pipeline\n- x\n')).toEqual({
      name: 'pipeline',
      teamId: pipeline,
    })
    expect(importTarget(doc, '# Team Growth\n- x\n')).toEqual({ name: 'Growth', teamId: undefined })
    expect(importTarget(doc, '- x\n')).toEqual({ name: undefined, teamId: undefined })
    expect(importTarget(doc, '# Team Growth\n', { teamId: pipeline }).teamId).toBe(pipeline)
    expect(importTarget(doc, 'x'.repeat(MAX_MARKDOWN_LENGTH + 1)).error).toMatch(
      /too large|over|MB/i,
    )
    expect(updates).toBe(0)
    // It agrees with the import itself.
    expect(importComment(doc, '# Team pipeline\n- x\n').teamId).toBe(pipeline)
  })
})

describe('importIssue', () => {
  it('reads back what exportSprint wrote, byte for byte', () => {
    const doc = newSprint()
    for (const f of ['01-pipeline-clean.md', '03-growth-details.md', '07-experiments-by-person.md'])
      importComment(doc, fixture(`comments/${f}`))
    const text = exportSprint(doc)
    const again = newSprint()
    const r = importIssue(again, text)
    expect(r.teamIds).toHaveLength(3)
    expect(exportSprint(again)).toBe(text)
  })

  it('reads the global section and skips the template copy', () => {
    const issue = fixture('templates/issue-2024.md').replace(
      '1.\n2.\n3.',
      '1. Kafka\n2. Hiring\n3. Us',
    )
    const doc = newSprint()
    const r = importIssue(doc, issue)
    expect(r.teamIds).toEqual([])
    const view = readSprint(doc)
    expect(view.globalSections[0]?.items.map((i) => i.text)).toEqual(['Kafka', 'Hiring', 'Us'])
    expect(view.globalSections[0]?.notes).toBe('')
    expect(view.teams).toEqual([])
  })
})

describe('importIssue of a real-looking issue', () => {
  it('does not take a deeper "## Team goals" heading for a new team', () => {
    const body = [
      fixture('templates/issue-2024.md'),
      '# Team Web\n\n## Team goals\n\n- ship\n',
      '# Team Data\n\n### High priority\n\n- load\n',
    ].join('\n')
    const doc = newSprint()
    const r = importIssue(doc, body)
    const view = readSprint(doc)
    expect(view.teams.map((t) => t.name)).toEqual(['Web', 'Data'])
    expect(r.teamIds).toHaveLength(2)
    const goals = view.teams[0]?.sections.find((s) => s.heading === 'Team goals')
    expect(goals?.items.map((i) => i.text)).toEqual(['ship'])
  })
})

describe('templates of every era', () => {
  it.each(TEMPLATES.map((t) => t.id))(
    '%s: is recognised, and importing it exports it unchanged',
    (id) => {
      const markdown = fixture(`templates/${id}.md`)
      const template = pickTemplate(markdown)
      expect(template.id).toBe(id)
      const doc = new Y.Doc()
      createSprint(doc, { title: 't', startDate: '', endDate: '', template })
      const { team, out } = importInto(doc, markdown)
      expect(out).toBe(markdown)
      expect(team.name).toBe('___')
      expect(team.sections.every((s) => s.items.length === 0 && s.notes === '' && !s.isExtra)).toBe(
        true,
      )
    },
  )

  it('recognises the sprint issue body by its fenced template', () => {
    expect(pickTemplate(fixture('templates/issue-2024.md')).id).toBe('team-2024')
  })
})
