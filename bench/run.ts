import { readdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { summaryLines } from './summary'

/**
 * Runs every `bench/*.bench.ts` module (each exports `run(): Promise<void>` and prints its own
 * figures), or only those whose name contains one of the command-line arguments, then the
 * summary table of the figures they recorded (bench/summary.ts).
 */
const dir = import.meta.dirname
const filters = process.argv.slice(2)
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()
for (const file of files) {
  console.log(`\n## ${file.replace('.bench.ts', '')}`)
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { run: () => Promise<void> }
  await mod.run()
}
const summary = summaryLines()
if (summary.length > 0) console.log(`\n## Summary (app vs bare)\n${summary.join('\n')}`)
