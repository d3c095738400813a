import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addItem } from '../../../shared/doc'
import { exportTeam, importComment } from '../../../shared/markdown'
import { parseTree } from '../../../shared/markdown/micromark-tree'
import { rawHtmlText } from '../../helpers/markdown-texts'
import { newSprint } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown')

function exportOneItem(text: string): string {
  const doc = newSprint()
  const { teamId } = importComment(doc, '# Team Tags\n')
  addItem(doc, { teamId, section: 'high', text })
  return exportTeam(doc, teamId)
}

/** The exported lines of the item in the High priority section. */
function itemLines(exported: string): string[] {
  const section = exported.split('### High priority\n\n')[1] ?? ''
  return section.split('\n\n')[0]?.split('\n') ?? []
}

describe('export of long texts full of markup', () => {
  it('writes an item full of raw HTML byte for byte as before, and it round-trips', () => {
    // The golden file was written by the exporter before escaping became linear.
    const golden = readFileSync(resolve(GOLDEN, 'raw-html-item.md'), 'utf8')
    const out = exportOneItem(rawHtmlText(3000))
    expect(out).toBe(golden)
    const again = newSprint()
    expect(exportTeam(again, importComment(again, out).teamId)).toBe(out)
  })

  it('escapes a 60 KB item the way it escapes each repeat of its text', () => {
    // From the second repeat on, the text is inside the HTML block its first `<details>` line
    // opens, so every repeat after the first is escaped alike: 4 lines each.
    const small = itemLines(exportOneItem(rawHtmlText(3000)))
    const unit = small.slice(4, 8)
    const big = itemLines(exportOneItem(rawHtmlText(60 * 1024)))
    expect(big.slice(0, 8)).toEqual(small.slice(0, 8))
    const repeats = big.length / 4
    expect(repeats).toBeGreaterThan(200)
    expect(big.slice(4)).toEqual(Array.from({ length: repeats - 1 }, () => unit).flat())
  })
})

interface ReferenceCase {
  input: string
  tree: unknown
}

/** The tree as the reference file stores it: positions as `start-end` offsets. */
function compact(input: string): unknown {
  const json = JSON.stringify(parseTree(input), (key, value: unknown) => {
    if (key !== 'position' || typeof value !== 'object' || value === null) return value
    const { start, end } = value as { start: { offset: number }; end: { offset: number } }
    return `${start.offset}-${end.offset}`
  })
  return JSON.parse(json) as unknown
}

describe('the GFM parser with its linear-time patches (patches/micromark*.patch)', () => {
  // Trees written by micromark 4.0.3 / micromark-core-commonmark 2.0.4 as published, before
  // the patches: emphasis of every shape, runs of text, HTML, links, tables, footnotes.
  const cases = JSON.parse(
    readFileSync(resolve(GOLDEN, 'micromark-reference.json'), 'utf8'),
  ) as ReferenceCase[]

  it('is installed with its patches (run npm install if not)', () => {
    const modules = resolve(import.meta.dirname, '../../../node_modules')
    const patched: [string, string, string][] = [
      ['micromark', '4.0.3', 'lib/initialize/text.js'],
      ['micromark', '4.0.3', 'lib/parse.js'],
      ['micromark-core-commonmark', '2.0.4', 'lib/attention.js'],
    ]
    for (const [name, version, file] of patched) {
      const pkg = JSON.parse(readFileSync(resolve(modules, name, 'package.json'), 'utf8')) as {
        version: string
      }
      expect(pkg.version).toBe(version)
      // Both builds: Node loads lib/, Vite and Vitest the development build in dev/lib/.
      for (const build of [file, `dev/${file}`]) {
        expect(readFileSync(resolve(modules, name, build), 'utf8')).toContain('Sprintpad patch')
      }
    }
  })

  it('parses every reference text into the tree the unpatched parser gave', () => {
    expect(cases.length).toBeGreaterThan(150)
    const differing = cases.filter(
      (c) => JSON.stringify(compact(c.input)) !== JSON.stringify(c.tree),
    )
    expect(differing.map((c) => c.input)).toEqual([])
  })
})
