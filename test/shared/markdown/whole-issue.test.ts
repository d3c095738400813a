import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSprint, type ItemView } from '../../../shared/doc'
import {
  exportIssue,
  exportSprint,
  exportTeam,
  importComment,
  importIssue,
} from '../../../shared/markdown'
import { commentFixtures, fixture, lostWords, newSprint, recognisedHeadingWords } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown/comments')
const ISSUE = fixture('templates/issue-2024.md')
const FILES = commentFixtures()
/** The fixture body, and the same with sections a lead added around "3 things". */
const BODIES: [string, string, string[]][] = [
  ['as the template has it', ISSUE, ['3 things that might take us down']],
  [
    'with sections a lead added',
    ISSUE.replace(
      '## 3 things that might take us down\n\n1.\n2.\n3.\n',
      '## Incidents\n\n- Ingestion lag @ana\n\n## 3 things that might take us down\n\n1. Kafka upgrade\n2. Holidays\n\nSee the roadmap.\n\n## Announcements\n\n- Offsite\n',
    ),
    ['Incidents', '3 things that might take us down', '', 'Announcements'],
  ],
]

function countItems(items: readonly ItemView[]): number {
  return items.reduce((n, i) => n + 1 + countItems(i.children), 0)
}

/** Items of every team of a sprint, in order. */
function itemCounts(doc: ReturnType<typeof newSprint>): number[] {
  return readSprint(doc).teams.map((t) => t.sections.reduce((n, s) => n + countItems(s.items), 0))
}

describe.each(BODIES)(
  'a whole sprint issue, its body %s, and every team comment',
  (_, BODY, headings) => {
    /** The sprint issue as a whole: its body, then every team's comment in the order posted. */
    const WHOLE = [BODY, ...FILES.map((f) => fixture(`comments/${f}`))].join('\n')
    const doc = newSprint()
    const result = importIssue(doc, WHOLE)

    it('gives the body back byte for byte', () => {
      expect(BODY).toContain('# Team sprint planning')
      expect(exportIssue(doc)).toBe(BODY)
      expect(readSprint(doc).globalSections.map((s) => s.heading)).toEqual(headings)
    })

    it('gives every team its own comment, as that comment alone gives it (nothing moved or doubled)', () => {
      expect(result.teamIds).toHaveLength(FILES.length)
      const alone = newSprint()
      FILES.forEach((file, i) => {
        const out = exportTeam(doc, result.teamIds[i] ?? '')
        expect(out, file).toBe(readFileSync(resolve(GOLDEN, file), 'utf8'))
        importComment(alone, fixture(`comments/${file}`))
      })
      expect(itemCounts(doc)).toEqual(itemCounts(alone))
    })

    it('drops no word of the issue', () => {
      const out = exportSprint(doc)
      // Headings the importer recognises may be respelt (`High Prio` → `High priority`).
      expect(lostWords(WHOLE, out, recognisedHeadingWords(WHOLE))).toEqual([])
    })

    it('is a fixed point: its export imported again exports the same text', () => {
      const again = newSprint()
      importIssue(again, exportSprint(doc))
      expect(exportSprint(again)).toBe(exportSprint(doc))
      expect(readSprint(again).problems).toEqual([])
    })
  },
)
