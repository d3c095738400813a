import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const COMMENTS = resolve(ROOT, '../shared/fixtures/comments')
const TEMPLATES = resolve(ROOT, '../shared/fixtures/templates')
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs')
const BUILT = resolve(ROOT, 'out/cli/sprintpad.js')

let dir = ''

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the CLI from source under tsx (as `npm run cli -- …` does). */
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [TSX, resolve(ROOT, 'main/cli/sprintpad.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sprintpad-cli-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

// Each case starts the CLI under tsx several times (a few seconds each on a loaded machine).
describe('sprintpad CLI', { timeout: 180_000 }, () => {
  it('lists the templates', () => {
    const r = cli('templates')
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual([
      'team-2024',
      'team-2021',
      'team-2023',
      'team-2025-q1',
      'team-2025-q3',
      'team-2025-q4',
      '',
    ])
  })

  it('creates a sprint, imports comments into it, inspects and exports it', () => {
    const file = join(dir, 'plan.sprintpad')
    const created = cli(
      'new',
      '-o',
      file,
      '--title',
      'Sprint - July 1 to July 12',
      '--template',
      'team-2024',
      '--team',
      'CDP',
      '--team',
      'Pipeline',
    )
    expect(created.code).toBe(0)
    expect(existsSync(file)).toBe(true)

    const cdp = cli('export', file, '--team', 'CDP')
    expect(cdp.stdout).toBe(
      readFileSync(join(TEMPLATES, 'team-2024.md'), 'utf8').replace('___', 'CDP'),
    )
    expect(cli('export', file, '--issue').stdout).toBe(
      readFileSync(join(TEMPLATES, 'issue-2024.md'), 'utf8'),
    )

    const imported = cli(
      'import',
      join(COMMENTS, '01-pipeline-clean.md'),
      join(COMMENTS, '07-experiments-by-person.md'),
      '-o',
      file,
    )
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('imported Pipeline')
    expect(imported.stdout).toContain('imported Experiments')

    const inspect = cli('inspect', file)
    expect(inspect.code).toBe(0)
    expect(inspect.stdout).toContain('title: Sprint - July 1 to July 12')
    expect(inspect.stdout).toContain('teams: 3')
    expect(inspect.stdout).toContain('- Pipeline: 15 items, support hero @ana-lopez')
    expect(inspect.stdout).toContain('problems: 0')

    const pipeline = cli('export', file, '--team', 'pipeline')
    expect(pipeline.stdout).toContain(
      '- ✅ Move the event deduplication step behind a feature flag @ana-lopez\n',
    )
    const all = cli('export', file)
    expect(all.stdout.startsWith('# Global Sprint Planning\n')).toBe(true)
    expect(all.stdout).toContain('# Team Experiments\n')
  })

  it('creates a sprint from comments when the output does not exist yet', () => {
    const file = join(dir, 'fresh.sprintpad')
    const r = cli('import', join(COMMENTS, '04-infra-variants.md'), '-o', file)
    expect(r.code).toBe(0)
    expect(cli('inspect', file).stdout).toContain('template: team-2025-q4')
  })

  it('imports and converts a file of several comments into one team each', () => {
    const both = join(dir, 'two-comments.md')
    const texts = ['01-pipeline-clean.md', '03-growth-details.md'].map((f) =>
      readFileSync(join(COMMENTS, f), 'utf8'),
    )
    writeFileSync(both, texts.join('\n'))
    const file = join(dir, 'two.sprintpad')
    const r = cli('import', both, '-o', file, '--template', 'team-2024')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('imported Pipeline, Growth')
    expect(cli('inspect', file).stdout).toContain('teams: 2')
    const converted = cli('convert', both, '--template', 'team-2024')
    expect(converted.stdout).toContain('# Team Pipeline\n')
    expect(converted.stdout).toContain('\n# Team Growth\n')
  })

  it('converts a comment into the shape of the template that fits it', () => {
    const r = cli('convert', join(COMMENTS, '05-flags-2026.md'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('## Quarter goals\n')
    expect(r.stdout).toContain('### Are any other teams impacted')
    const forced = cli('convert', join(COMMENTS, '05-flags-2026.md'), '--template', 'team-2024')
    expect(forced.stdout).toContain('## OKR\n')
  })

  it.each([
    [['export', 'missing.sprintpad'], /^sprintpad: no such file: .*missing\.sprintpad\n$/],
    [['frobnicate'], /^sprintpad: unknown command "frobnicate"/],
    [['new', '--title', 'x'], /^sprintpad: missing -o FILE\.sprintpad\n$/],
    [['convert', 'x.md', '--template', 'team-1999'], /^sprintpad: unknown template "team-1999"/],
  ])('fails with one line for %j', (args, message) => {
    const r = cli(...args)
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(r.stdout).toBe('')
  })

  it('ends quietly when its reader stops early (a closed pipe)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${TSX}" "${resolve(ROOT, 'main/cli/sprintpad.ts')}" templates | true`,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    )
    expect(r.stderr).not.toMatch(/EPIPE|Error/)
    expect(r.status).toBe(0)
  })

  it('inspect writes one colon after a field heading ("Support hero: 2 items")', () => {
    const md = join(dir, 'hero.md')
    writeFileSync(md, '# Team Hero\n\n**Support hero:**\n\n- rota on the wiki\n- ask in #help\n')
    const file = join(dir, 'hero.sprintpad')
    expect(cli('import', md, '-o', file).code).toBe(0)
    const r = cli('inspect', file)
    expect(r.stdout).toContain('    Support hero: 2 items\n')
    expect(r.stdout).not.toContain('::')
  })

  it('fails with one line on a corrupted or oversized input', () => {
    const file = join(dir, 'bad.sprintpad')
    writeFileSync(file, 'SPRNTPAD' + 'x'.repeat(100))
    const r = cli('inspect', file)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /^sprintpad: Unsupported Sprintpad file version|^sprintpad: Sprintpad file/,
    )
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    const big = join(dir, 'big.md')
    writeFileSync(big, '# Team Big\n\n' + 'x'.repeat(1_100_000))
    const b = cli('convert', big)
    expect(b.code).toBe(1)
    expect(b.stderr).toMatch(/^sprintpad: Markdown text too large/)
  })

  it('runs under plain Node after npm run build:cli', () => {
    const build = spawnSync(process.execPath, [resolve(ROOT, 'scripts/build-cli.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(build.status).toBe(0)
    expect(readFileSync(BUILT, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    const r = spawnSync(
      process.execPath,
      [BUILT, 'convert', join(COMMENTS, '01-pipeline-clean.md')],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('# Team Pipeline\n')
  })

  it('hands `serve` to the server: its usage, and exit code 2 on a bad option', () => {
    const help = cli('serve', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--database postgres://')
    const bad = cli('serve', '--port', 'abc')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^sprintpad serve: --port must be a whole number/)
    expect(cli('help').stdout).toContain('serve [--port 4455]')
  })
})
