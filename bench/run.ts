import { readdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Figure } from './figures'
import { addFigure, summaryLines } from './summary'

/**
 * Runs every `bench/*.bench.ts` module (each exports `run()`, prints its own figures and may
 * return the figures of the closing summary), or only those whose name contains one of the
 * command-line arguments. Ends with the summary table: one `Pn name | app … | bare … | r×` line
 * per figure.
 */
const dir = import.meta.dirname
const filters = process.argv.slice(2)
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`)
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as {
    run: () => Promise<Figure[] | undefined>
  }
  const out = await mod.run()
  for (const f of out ?? []) addFigure({ ...f, unit: 'ms' })
}
const summary = summaryLines()
if (summary.length > 0) console.log(`\n## Summary (app vs bare)\n${summary.join('\n')}`)
