import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addItem,
  addTeam,
  readSprint,
  setItemGroup,
  setOffDuring,
  setSupportHeroes,
} from '../../../shared/doc'
import { exportIssue, exportSprint, exportTeam } from '../../../shared/markdown'
import { TEMPLATES } from '../../../shared/template'
import { fixture, newSprint } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown')

describe('exportTeam of an empty team', () => {
  for (const t of TEMPLATES) {
    it(`reproduces templates/${t.id}.md byte for byte with the name filled in`, () => {
      const doc = newSprint(t.id, ['CDP'])
      const team = readSprint(doc).teams[0]
      expect(team).toBeDefined()
      const expected = fixture(`templates/${t.id}.md`).replace('___', 'CDP')
      expect(exportTeam(doc, team?.id ?? '')).toBe(expected)
    })
  }

  it('keeps the team name as written, escaped only where it would be markup', () => {
    const doc = newSprint('team-2024', ['Pro:duck:t Analytics'])
    const id = readSprint(doc).teams[0]?.id ?? ''
    expect(exportTeam(doc, id).split('\n')[0]).toBe('# Team Pro:duck:t Analytics')
  })

  it('throws a clear error for a team that does not exist', () => {
    expect(() => exportTeam(newSprint(), 'nope')).toThrow(/No team with id "nope"/)
  })
})

describe('exportIssue', () => {
  it('gives issue-2024.md byte for byte for a fresh sprint', () => {
    expect(exportIssue(newSprint())).toBe(fixture('templates/issue-2024.md'))
  })

  it('writes global items in place of the placeholder', () => {
    const doc = newSprint()
    addItem(doc, { teamId: '', section: 'takeDown', text: 'The Kafka upgrade' })
    const out = exportIssue(doc)
    expect(out).toContain('## 3 things that might take us down\n\n1. The Kafka upgrade\n\n# Team')
  })

  it('uses the sprint template in the fenced copy', () => {
    const out = exportIssue(newSprint('team-2025-q4'))
    expect(out).toContain('```\n' + fixture('templates/team-2025-q4.md') + '\n```\n')
  })
})

function filledDoc(): { doc: Y.Doc; teamId: string } {
  const doc = newSprint()
  const teamId = addTeam(doc, { name: 'Pipeline' })
  setSupportHeroes(doc, {
    teamId,
    heroes: [
      { label: '', handle: 'ana-lopez' },
      { label: '', handle: 'tom-reid' },
    ],
  })
  const add = (section: string, text: string, more: Partial<Parameters<typeof addItem>[1]> = {}) =>
    addItem(doc, { teamId, section, text, ...more })
  add('retro', 'Move deduplication behind a flag', { status: 'done', owners: ['ana-lopez'] })
  const replay = add('retro', 'Replay the dead letter queue', {
    status: 'partly',
    owners: ['tom-reid'],
  })
  add('retro', 'the March part', { parent: replay, status: 'notDone' })
  add('retro', 'Kafka client benchmark', { status: 'notDone' })
  add('retro', 'Broker latency for node producers', { status: 'dropped' })
  add('retro', 'Support week 1', { status: 'done', isTask: true })
  add('retro', 'Untouched item')
  add('hangover', 'Replay the dead letter queue', { status: 'reprioritised' })
  add('hangover', 'Broker latency.', { status: 'deprioritised' })
  add('hangover', 'Still to decide')
  add('okr', 'Ingestion keeps up with 3x peak', { status: 'green' })
  const p99 = add('okr', 'p99 delay under 30 s', { status: 'yellow' })
  add('okr', 'action: split the heatmap events', { parent: p99 })
  add('okr', 'Zero data loss on failover', { status: 'red' })
  add('high', 'Replay the dead letter queue', { isTask: true, owners: ['ana-lopez'] })
  add('high', 'Separate pipeline for heatmaps', {
    isTask: true,
    status: 'checked',
    owners: ['tom-reid', 'li-wei'],
  })
  const geo = add('high', 'Geoip plugin inline', { isTask: true })
  setItemGroup(doc, { itemId: geo, group: '@li-wei' })
  add('low', 'Rate limiter config, see [the docs](https://example.com/docs)')
  return { doc, teamId }
}

describe('exportTeam of a filled-in team', () => {
  it('matches the golden file (statuses, owners, tasks, groups, legend)', () => {
    const { doc, teamId } = filledDoc()
    const golden = readFileSync(resolve(GOLDEN, 'filled-team-2024.md'), 'utf8')
    expect(exportTeam(doc, teamId, { legend: true })).toBe(golden)
  })

  it('writes a ticked item as a done task, however it was ticked', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'Web' })
    // Ctrl+Enter sets the status alone; the checkbox also makes it a task.
    addItem(doc, { teamId, section: 'high', text: 'Ticked with Ctrl+Enter', status: 'checked' })
    addItem(doc, { teamId, section: 'high', text: 'Not ticked' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain('- [x] Ticked with Ctrl+Enter\n- Not ticked\n')
    // A retro item marked done keeps its glyph: retro items are not tasks.
    addItem(doc, { teamId, section: 'retro', text: 'Done last time', status: 'done' })
    expect(exportTeam(doc, teamId)).toContain('- ✅ Done last time\n')
  })

  it('leaves the legend out by default', () => {
    const { doc, teamId } = filledDoc()
    expect(exportTeam(doc, teamId)).not.toContain('✅ done')
  })

  it('writes the time off on its line where the template has it', () => {
    const doc = newSprint('team-2025-q3')
    const teamId = addTeam(doc, { name: 'Infra' })
    setOffDuring(doc, { teamId, text: '@dana (2 days)' })
    expect(exportTeam(doc, teamId)).toContain(
      '**Support hero:** ___\n**Off during the sprint:** @dana (2 days)\n',
    )
  })

  it('writes per-week support heroes as a list under the label', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'Flags' })
    setSupportHeroes(doc, {
      teamId,
      heroes: [
        { label: 'week 1', handle: 'neil-k' },
        { label: 'week 2', handle: 'phani-r' },
      ],
    })
    expect(exportTeam(doc, teamId)).toContain(
      '**Support hero:**\n- week 1: @neil-k\n- week 2: @phani-r\n\n## Retro',
    )
  })
})

describe('exportSprint', () => {
  it('is the issue body then every team comment, a blank line apart', () => {
    const doc = newSprint('team-2024', ['A', 'B'])
    const [a, b] = readSprint(doc).teams
    expect(exportSprint(doc)).toBe(
      [exportIssue(doc), exportTeam(doc, a?.id ?? ''), exportTeam(doc, b?.id ?? '')].join('\n'),
    )
  })
})
