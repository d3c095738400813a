import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addItem, addTeam, createSprint, editItemText, renameTeam } from '../../../shared/doc'
import { encodeSprintFile } from '../../../shared/file'
import { exportSprint, exportTeam } from '../../../shared/markdown'
import {
  captureSprint,
  changesSince,
  authorsOf,
  encodeHistory,
  recordEditor,
  readEditors,
  type Checkpoint,
  type PartBlob,
} from '../../../shared/history'

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs')

let dir = ''

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [TSX, resolve(ROOT, 'main/cli/sprintpad.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A sprint file with two checkpoints: as planned, then after Ann's edit. */
function fileWithHistory(): { path: string; planned: string; plannedWeb: string } {
  const doc = new Y.Doc()
  createSprint(doc, { id: 's1', title: 'Sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  addTeam(doc, { id: 'web', name: 'Web' })
  addTeam(doc, { id: 'infra', name: 'Infra' })
  addItem(doc, { id: 'w1', teamId: 'web', section: 'high', text: 'Ship the login' })
  recordEditor(doc, { name: 'Ann', color: '#e5484d', handle: 'ann' })
  const checkpoints: Checkpoint[] = []
  const blobs = new Map<string, PartBlob>()
  const take = (at: number, reason: Checkpoint['reason']): void => {
    const since = checkpoints.at(-1)?.stateVector
    const c = captureSprint(doc)
    for (const { hash, data, markdown } of c.parts) blobs.set(hash, { hash, data, markdown })
    checkpoints.push({
      id: `c${checkpoints.length}`,
      at,
      reason,
      parts: c.parts.map(({ key, label, hash }) => ({ key, label, hash })),
      stateVector: c.stateVector,
      authors: authorsOf(changesSince(doc, since), readEditors(doc)),
    })
  }
  take(new Date(2024, 6, 1, 10, 0).getTime(), 'opened')
  const planned = exportSprint(doc)
  const plannedWeb = exportTeam(doc, 'web')
  editItemText(doc, { itemId: 'w1', index: 14, remove: 0, insert: ' page' })
  take(new Date(2024, 6, 1, 10, 7).getTime(), 'editing')
  renameTeam(doc, { teamId: 'web', name: 'Web platform' })
  const path = join(dir, 'with-history.sprintpad')
  const history = encodeHistory({ checkpoints, blobs: [...blobs.values()] })
  writeFileSync(path, encodeSprintFile(doc, { history }))
  return { path, planned, plannedWeb }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sprintpad-cli-history-'))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('sprintpad history and export --at', () => {
  it('lists the checkpoints with what changed and who changed it', () => {
    const { path } = fileWithHistory()
    const r = cli('history', path)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      /^1\t2024-07-01 10:00\topened\tIssue body .*; Web \(Ann\); Infra \(Ann\)$/,
    )
    expect(lines[1]).toBe('2\t2024-07-01 10:07\tediting\tWeb (Ann)')
  })

  it('prints the diff of a checkpoint against the one before', () => {
    const { path } = fileWithHistory()
    const r = cli('history', path, '--diff', '2')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('--- Web\n+++ Web\n@@ ')
    expect(r.stdout).toContain('\n-- Ship the login\n+- Ship the login page\n')
  })

  it('exports the sprint, or a team, as it was at a checkpoint', () => {
    const { path, planned, plannedWeb } = fileWithHistory()
    const all = cli('export', path, '--at', '1')
    expect(all.code).toBe(0)
    expect(all.stdout).toBe(planned)
    const web = cli('export', path, '--at', '1', '--team', 'web')
    expect(web.stdout).toBe(plannedWeb)
  })

  it('says what is wrong with a checkpoint number or a file without history', () => {
    const { path } = fileWithHistory()
    const r = cli('export', path, '--at', '3')
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('sprintpad: no checkpoint 3 (this file has checkpoints 1 to 2)\n')
    const plain = join(dir, 'plain.sprintpad')
    expect(cli('new', '-o', plain, '--title', 'Plain').code).toBe(0)
    const none = cli('history', plain)
    expect(none.code).toBe(0)
    expect(none.stdout).toMatch(/carries no history/)
    expect(cli('export', plain, '--at', '1').stderr).toBe(
      'sprintpad: this file carries no history\n',
    )
  })
})
