import * as Y from 'yjs'
import { Parser } from 'commonmark'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { addItem, createSprint, readSprint, setSectionNotes } from '../shared/doc'
import { encodeSprintFile, loadSprintFile } from '../shared/file'
import { exportSprint, exportTeam, importComment, importIssue } from '../shared/markdown'
import { parseCount, parseTree } from '../shared/markdown/micromark-tree'
import { forgetEscapes } from '../shared/markdown/sanitize'
import { rawHtmlText } from '../test/helpers/markdown-texts'
import { best, type Figure } from './figures'

const COMMENTS = resolve(import.meta.dirname, '../../shared/fixtures/comments')
const FILES = readdirSync(COMMENTS)
  .filter((f) => f.endsWith('.md'))
  .sort()
const CM = new Parser()
const kb = (text: string): number => text.length / 1024

function emptySprint(): Y.Doc {
  const doc = new Y.Doc()
  createSprint(doc, { title: 'Bench', startDate: '', endDate: '', createdAt: 0 })
  return doc
}

/** A sprint of `teams` teams: the fixture comments imported in turn, each under its own name. */
function sprint(teams: number): Y.Doc {
  const doc = emptySprint()
  for (let i = 0; i < teams; i++) {
    const text = readFileSync(resolve(COMMENTS, FILES[i % FILES.length] as string), 'utf8')
    importComment(doc, text.replace(/^(# Team [^\n]*)/m, `$1 ${i}`))
  }
  return doc
}

function line(label: string, ms: number, note = ''): void {
  console.log(`${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms${note ? `  (${note})` : ''}`)
}

/** Import of whole issues: 5 / 15 / 45 teams, then 10× and 100× the 5-team issue. */
function importFigures(): Figure[] {
  const out: Figure[] = []
  for (const [teams, label] of [
    [5, '5 teams'],
    [15, '15 teams'],
    [45, '45 teams'],
    [50, '10× (50 teams)'],
    [500, '100× (500 teams)'],
  ] as const) {
    const text = exportSprint(sprint(teams))
    const runs = teams > 100 ? 3 : 9
    const app = best(runs, () => importIssue(emptySprint(), text))
    const bare = best(runs, () => CM.parse(text))
    const note = `${kb(text).toFixed(1)} KB, ${(app / kb(text)).toFixed(2)} ms/KB`
    line(`importIssue, ${label}`, app, note)
    out.push({ name: `importIssue ${label}`, app, bare, bareIs: 'commonmark.js parse', note })
    if (teams === 45) {
      const before = best(3, () => parseTree(text))
      line('  the GFM parser (micromark) alone on it, for reference', before, 'the import before')
    }
  }
  return out
}

/** A team with one 60 KB item, or with a 4,000-row table as notes. */
function bigTeam(fill: (doc: Y.Doc, teamId: string) => void): { doc: Y.Doc; teamId: string } {
  const doc = emptySprint()
  const { teamId } = importComment(doc, '# Team Big\n')
  fill(doc, teamId)
  return { doc, teamId }
}

function exportFigures(): Figure[] {
  const out: Figure[] = []
  const unit = 'Ship **the** [exporter](https://e.com/x) with care, a|b `code` @ana & co. '
  const prose = unit.repeat(Math.ceil(61_440 / unit.length)).slice(0, 61_440)
  const cases: [string, (doc: Y.Doc, teamId: string) => void][] = [
    [
      'exportTeam, one 60 KB item (prose, links, code)',
      (d, t) => void addItem(d, { teamId: t, section: 'high', text: prose }),
    ],
    [
      'exportTeam, one 60 KB item full of raw HTML',
      (d, t) =>
        void addItem(d, {
          teamId: t,
          section: 'high',
          text: prose.replace(/care/g, '<b>care</b>'),
        }),
    ],
    [
      'exportTeam, a 4,000-row table as notes',
      (d, t) => {
        const rows = Array.from({ length: 4000 }, (_, i) => `| row ${i} | value ${i} |`)
        setSectionNotes(d, {
          teamId: t,
          section: 'high',
          text: ['| a | b |', '|---|---|', ...rows].join('\n'),
        })
      },
    ],
  ]
  for (const [name, fill] of cases) {
    const { doc, teamId } = bigTeam(fill)
    const parses = parseCount()
    const app = best(3, () => {
      forgetEscapes()
      exportTeam(doc, teamId)
    })
    const perExport = (parseCount() - parses) / 3
    const bare = best(3, () => readSprint(doc))
    const note = `cold, ${perExport} GFM parses per export`
    line(name, app, note)
    out.push({ name, app, bare, bareIs: 'readSprint', note })
  }
  const doc = sprint(15)
  const parses = parseCount()
  const cold = best(9, () => {
    forgetEscapes()
    exportSprint(doc)
  })
  const perExport = (parseCount() - parses) / 9
  const warm = best(9, () => exportSprint(doc))
  const bare = best(9, () => readSprint(doc))
  const size = `${kb(exportSprint(doc)).toFixed(1)} KB`
  line('exportSprint, 15 teams, cold', cold, `${size}, ${perExport} GFM parses`)
  line('exportSprint, 15 teams, warm (memoised escapes)', warm)
  line('readSprint alone (the model reader), 15 teams', bare)
  out.push({
    name: 'exportSprint 15 teams cold',
    app: cold,
    bare,
    bareIs: 'readSprint',
    note: size,
  })
  out.push({ name: 'exportSprint 15 teams warm', app: warm, bare, bareIs: 'readSprint' })
  const bytes = encodeSprintFile(sprint(45))
  line(
    'encode + load .sprintpad, 45 teams',
    best(5, () => loadSprintFile(bytes)),
    `${(bytes.length / 1024).toFixed(1)} KB`,
  )
  return out
}

/**
 * One item full of raw HTML (tags, comments, autolinks, an HTML block) at 6, 60 and 600 KB,
 * exported cold: linear when the ms per KB stays flat. Every tag is escaped, so each size is
 * parsed twice (escape, then check).
 */
function rawHtmlFigures(): Figure[] {
  const out: Figure[] = []
  for (const size of [6, 60, 600]) {
    const { doc, teamId } = bigTeam(
      (d, t) => void addItem(d, { teamId: t, section: 'high', text: rawHtmlText(size * 1024) }),
    )
    const runs = size > 100 ? 1 : 3
    const parses = parseCount()
    const app = best(runs, () => {
      forgetEscapes()
      exportTeam(doc, teamId)
    })
    const perExport = (parseCount() - parses) / runs
    const bare = best(runs, () => readSprint(doc))
    const note = `${(app / size).toFixed(2)} ms/KB, ${perExport} GFM parses per export`
    const name = `exportTeam, one ${size} KB item of raw HTML, cold`
    line(name, app, note)
    out.push({ name, app, bare, bareIs: 'readSprint', note })
  }
  return out
}

/** Inputs built to be slow: each imports in bounded time, keeps its words, never throws. */
function pathologicalFigures(): Figure[] {
  const cases: [string, string, string][] = [
    ['10,000-deep list nesting', `${'- '.repeat(10_000)}deep`, 'deep'],
    ['10,000-deep quotes', `${'> '.repeat(10_000)}deep`, 'deep'],
    ['1 MB single line', `${'word '.repeat(199_000)}deep`, 'deep'],
    [
      '100,000 list items',
      Array.from({ length: 100_000 }, (_, i) => `- i${i % 10}`).join('\n') + '\n- deep',
      'deep',
    ],
    [
      '10,000 * and _ delimiters',
      `${Array.from({ length: 5000 }, (_, i) => `*a${i} _b`).join(' ')} deep`,
      'deep',
    ],
    [
      '5,000 nested <details>',
      `${'<details>\n'.repeat(5000)}deep\n${'</details>\n'.repeat(5000)}`,
      'deep',
    ],
  ]
  const out: Figure[] = []
  for (const [name, body, word] of cases) {
    const md = `# Team Deep\n\n### High priority\n\n${body}\n`
    let warnings: string[] = []
    let kept = false
    const app = best(1, () => {
      const doc = emptySprint()
      const r = importComment(doc, md)
      warnings = r.warnings
      kept = exportTeam(doc, r.teamId).includes(word)
    })
    const bare = best(1, () => CM.parse(md))
    const note = `${kb(md).toFixed(0)} KB; import + export; ${kept ? 'words kept' : 'WORDS LOST'}${warnings.length ? `; warned: ${warnings.join('; ')}` : ''}`
    line(`import + export, ${name}`, app, note)
    out.push({ name: `pathological: ${name}`, app, bare, bareIs: 'commonmark.js parse', note })
  }
  return out
}

/**
 * Markdown import and export: whole issues of 5 to 500 teams (ms per KB: linear when it stays
 * flat), exports cold (every text escaped afresh) and warm (escapes memoised, as in the app's
 * live preview), the biggest single texts, and inputs built to be slow.
 */
export async function run(): Promise<Figure[]> {
  return [...importFigures(), ...exportFigures(), ...rawHtmlFigures(), ...pathologicalFigures()]
}
