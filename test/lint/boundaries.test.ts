import { ESLint } from 'eslint'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** Lints `code` as if it were the file at `path` (relative to the repo root); returns rule ids. */
async function rulesFired(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('import boundaries are enforced by lint', () => {
  test.each([
    ['shared/doc/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
    ['shared/doc/x.ts', "import { app } from 'electron'\nexport const x = app"],
    ['shared/doc/x.ts', "import { useState } from 'react'\nexport const x = useState"],
    ['shared/doc/x.ts', "import { x as y } from '../../renderer/src/x'\nexport const x = y"],
    ['shared/doc/x.ts', "import { x as y } from '../../main/x'\nexport const x = y"],
    ['main/x.ts', "import { x as y } from '../renderer/src/x'\nexport const x = y"],
    ['renderer/src/x.ts', "import { x as y } from '../../main/x'\nexport const x = y"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const x = ipcRenderer"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync"],
  ])('%s may not: %s', async (path, code) => {
    expect(await rulesFired(path, code)).toContain('no-restricted-imports')
  })

  test('allowed imports pass', async () => {
    expect(
      await rulesFired('shared/doc/x.ts', "import * as Y from 'yjs'\nexport const x = Y"),
    ).toEqual([])
    expect(
      await rulesFired('renderer/src/x.ts', "import * as Y from 'yjs'\nexport const x = Y"),
    ).toEqual([])
  })

  test('any is rejected', async () => {
    expect(await rulesFired('shared/doc/x.ts', 'export const x = (a: any) => a\n')).toContain(
      '@typescript-eslint/no-explicit-any',
    )
  })
})

describe('import cycles are rejected by lint', () => {
  test('two modules importing each other', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises')
    const dir = await mkdtemp(resolve(root, 'shared/.lint-cycle-'))
    try {
      await writeFile(
        resolve(dir, 'a.ts'),
        "import { b } from './b'\nexport const a = (): unknown => b\n",
      )
      await writeFile(
        resolve(dir, 'b.ts'),
        "import { a } from './a'\nexport const b = (): unknown => a\n",
      )
      const results = await new ESLint({ cwd: root, ignore: false }).lintFiles([
        resolve(dir, 'a.ts'),
      ])
      expect(results[0]?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
