import { describe, expect, it } from 'vitest'
import { readSprint } from '../../../shared/doc'
import { exportIssue, exportSprint, importIssue } from '../../../shared/markdown'
import { fixture, newSprint } from './helpers'

const ISSUE = fixture('templates/issue-2024.md')
const THREE = '## 3 things that might take us down\n\n1.\n2.\n3.\n'

/** The fixture issue with `around` in place of its "3 things" section. */
function issueWith(around: string): string {
  expect(ISSUE).toContain(THREE)
  return ISSUE.replace(THREE, around)
}

const INCIDENTS_AND_ANNOUNCEMENTS = issueWith(
  [
    '## Incidents',
    '',
    '- Ingestion lag on 3 July @ana',
    '- Flaky deploys',
    '',
    '## 3 things that might take us down',
    '',
    '1. Postgres upgrade',
    '2. Kafka disk space',
    '3. Holidays',
    '',
    '## Announcements',
    '',
    'Offsite in Lisbon, details below.',
    '',
    '- Book travel by Friday',
    '  - ask @ben for the budget',
    '',
    'A closing line from the lead.',
    '',
  ].join('\n'),
)

describe('global sections of the issue body', () => {
  it('imports and exports every heading of the issue as its own section, in order', () => {
    const doc = newSprint()
    importIssue(doc, INCIDENTS_AND_ANNOUNCEMENTS)
    expect(exportIssue(doc)).toBe(INCIDENTS_AND_ANNOUNCEMENTS)
    const sections = readSprint(doc).globalSections
    expect(sections.map((s) => s.heading)).toEqual([
      'Incidents',
      '3 things that might take us down',
      'Announcements',
      '',
    ])
    expect(sections[0]?.items.map((i) => i.text)).toEqual([
      'Ingestion lag on 3 July',
      'Flaky deploys',
    ])
    expect(sections[1]?.items.map((i) => i.text)).toEqual([
      'Postgres upgrade',
      'Kafka disk space',
      'Holidays',
    ])
    // `## Announcements` is a section, not a person grouping the items under it.
    expect(sections[2]?.items.map((i) => [i.text, i.group])).toEqual([
      ['Book travel by Friday', ''],
    ])
    expect(sections[2]?.notes).toBe('Offsite in Lisbon, details below.')
    expect(sections[3]?.notes).toBe('A closing line from the lead.')
  })

  it('keeps a section written below the fenced template below it', () => {
    const text = `${ISSUE}\n## Links\n\n- [Roadmap](https://example.com/roadmap)\n`
    const doc = newSprint()
    importIssue(doc, text)
    expect(exportIssue(doc)).toBe(text)
  })

  it('gives the same sprint back when its export is imported again', () => {
    const doc = newSprint()
    importIssue(doc, INCIDENTS_AND_ANNOUNCEMENTS + '\n' + fixture('comments/01-pipeline-clean.md'))
    const again = newSprint()
    importIssue(again, exportSprint(doc))
    expect(exportSprint(again)).toBe(exportSprint(doc))
    expect(readSprint(again).globalSections.map((s) => s.heading)).toEqual(
      readSprint(doc).globalSections.map((s) => s.heading),
    )
  })

  it('still gives the issue fixture back byte for byte', () => {
    const doc = newSprint()
    importIssue(doc, ISSUE)
    expect(exportIssue(doc)).toBe(ISSUE)
    expect(readSprint(doc).globalSections.map((s) => s.isExtra)).toEqual([false])
  })
})
