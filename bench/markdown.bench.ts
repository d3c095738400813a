import * as Y from 'yjs'
import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { createSprint, readSprint } from '../shared/doc'
import { encodeSprintFile, loadSprintFile } from '../shared/file'
import { exportSprint, exportTeam, importComment, importIssue } from '../shared/markdown'

const COMMENTS = resolve(import.meta.dirname, '../../shared/fixtures/comments')

/** A sprint of `teams` teams: the fixture comments imported in turn, each under its own name. */
function sprint(teams: number): Y.Doc {
  const files = readdirSync(COMMENTS)
    .filter((f) => f.endsWith('.md'))
    .sort()
  const doc = new Y.Doc()
  createSprint(doc, { title: 'Bench', startDate: '', endDate: '', createdAt: 0 })
  for (let i = 0; i < teams; i++) {
    const text = readFileSync(resolve(COMMENTS, files[i % files.length] as string), 'utf8')
    importComment(doc, text.replace(/^(# Team [^\n]*)/m, `$1 ${i}`))
  }
  return doc
}

function time(label: string, runs: number, fn: () => unknown, note = ''): void {
  const start = performance.now()
  for (let i = 0; i < runs; i++) fn()
  const ms = (performance.now() - start) / runs
  console.log(`${label.padEnd(46)} ${ms.toFixed(2).padStart(8)} ms${note ? `  (${note})` : ''}`)
}

/**
 * Export and import of 5-, 15- and 45-team sprints. Export should grow linearly with the size;
 * the first export escapes every text (cold), later ones reuse the memoised escapes (warm), which
 * is what the app's live preview sees.
 */
export async function run(): Promise<void> {
  for (const teams of [5, 15, 45]) {
    const doc = sprint(teams)
    const cold = performance.now()
    const text = exportSprint(doc)
    const coldMs = performance.now() - cold
    const size = `${(text.length / 1024).toFixed(1)} KB, ${readSprint(doc).teams.length} teams`
    console.log(
      `${`exportSprint, ${teams} teams, cold`.padEnd(46)} ${coldMs.toFixed(2).padStart(8)} ms  (${size})`,
    )
    time(`exportSprint, ${teams} teams, warm`, 20, () => exportSprint(doc))
    const first = readSprint(doc).teams[0]?.id ?? ''
    time(`exportTeam, one team of ${teams}`, 20, () => exportTeam(doc, first))
    time(`readSprint alone (the model reader), ${teams} teams`, 20, () => readSprint(doc))
    time(
      `importIssue of that text, ${teams} teams`,
      3,
      () => {
        const d = new Y.Doc()
        createSprint(d, { title: 'Bench', startDate: '', endDate: '', createdAt: 0 })
        importIssue(d, text)
      },
      size,
    )
    const bytes = encodeSprintFile(doc)
    const kb = `${(bytes.length / 1024).toFixed(1)} KB`
    time(
      `encode + load .sprintpad, ${teams} teams`,
      10,
      () => loadSprintFile(encodeSprintFile(doc)),
      kb,
    )
  }
}
