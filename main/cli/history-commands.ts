import { readFile } from 'node:fs/promises'
import type * as Y from 'yjs'
import { readMeta, readSprint } from '../../shared/doc'
import { loadSprintFile, readSprintFile } from '../../shared/file'
import { exportIssue, exportSprint, exportTeam } from '../../shared/markdown'
import {
  changedParts,
  decodeHistory,
  diffMarkdown,
  docFromCheckpoint,
  formatDiff,
  type Checkpoint,
  type HistoryArchive,
  type PartBlob,
} from '../../shared/history'
import { UsageError, option, type CliArgs } from './args'
import type { Io } from './commands'

const REASONS: Readonly<Record<Checkpoint['reason'], string>> = {
  opened: 'opened',
  editing: 'editing',
  import: 'before an import',
  restore: 'before a restore',
  sections: 'before a Sections change',
  'next-sprint': 'before Start next sprint',
  peer: "before a colleague's changes",
  manual: 'saved by hand',
  file: 'from a file',
}

async function readHistory(path: string): Promise<{ doc: Y.Doc; history: HistoryArchive }> {
  const bytes = new Uint8Array(await readFile(path))
  const { history } = readSprintFile(bytes)
  return {
    doc: loadSprintFile(bytes),
    history: history ? decodeHistory(history) : { checkpoints: [], blobs: [] },
  }
}

/** `YYYY-MM-DD HH:MM` in local time. */
function when(at: number): string {
  const d = new Date(at)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

/**
 * `sprintpad history FILE [--diff N]`: the checkpoints a file carries, numbered from 1 (oldest),
 * each with when, why, and what changed since the one before (by whom); with `--diff N`, the
 * diff of checkpoint N's exported Markdown against N - 1, per changed team.
 */
export async function historyCommand(args: CliArgs, io: Io): Promise<void> {
  const path = args.positional[0]
  if (!path) throw new UsageError('history needs a .sprintpad file')
  const { history } = await readHistory(path)
  const list = history.checkpoints
  const diffArg = option(args, 'diff')
  if (diffArg !== undefined) {
    const n = checkpointNumber(diffArg, list.length)
    io.out(diffOf(history, n - 1))
    return
  }
  if (list.length === 0) {
    io.out(`${path} carries no history (save it from the app with "Include history")\n`)
    return
  }
  list.forEach((c, i) => {
    const changed = changedParts(list[i - 1], c).map((p) => {
      const who = (c.authors[p.key] ?? []).map((a) => a.name)
      return who.length > 0 ? `${p.label} (${who.join(', ')})` : p.label
    })
    const what = changed.length > 0 ? changed.join('; ') : 'no change'
    io.out(`${i + 1}\t${when(c.at)}\t${REASONS[c.reason]}\t${what}\n`)
  })
}

function diffOf(history: HistoryArchive, i: number): string {
  const blobs = new Map(history.blobs.map((b) => [b.hash, b]))
  const list = history.checkpoints
  const markdownOf = (c: Checkpoint | undefined, key: string): string => {
    const hash = c?.parts.find((p) => p.key === key)?.hash
    return (hash && blobs.get(hash)?.markdown) || ''
  }
  const out: string[] = []
  const cur = list[i]
  for (const p of cur ? changedParts(list[i - 1], cur) : []) {
    const diff = diffMarkdown(markdownOf(list[i - 1], p.key), markdownOf(list[i], p.key))
    if (diff.hunks.length === 0) continue
    out.push(`--- ${p.label}\n+++ ${p.label}\n${formatDiff(diff)}\n`)
  }
  return out.join('')
}

function checkpointNumber(text: string, count: number): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1 || n > count) {
    throw new UsageError(
      count === 0
        ? 'this file carries no history'
        : `no checkpoint ${text} (this file has checkpoints 1 to ${count})`,
    )
  }
  return n
}

/**
 * `sprintpad export FILE --at N [--team NAME | --issue]`: the sprint as it was at checkpoint N
 * (numbered as `history` lists them), exported like `export`.
 */
export async function exportAtCommand(args: CliArgs, io: Io, at: string): Promise<void> {
  const path = args.positional[0]
  if (!path) throw new UsageError('export needs a .sprintpad file')
  const { doc: current, history } = await readHistory(path)
  const n = checkpointNumber(at, history.checkpoints.length)
  const checkpoint = history.checkpoints[n - 1] as Checkpoint
  const blobs = new Map(history.blobs.map((b) => [b.hash, b]))
  const parts = checkpoint.parts.map((p) => blobs.get(p.hash) as PartBlob)
  const doc = docFromCheckpoint(parts, readMeta(current).id)
  const teamName = option(args, 'team')
  if (teamName !== undefined) {
    const view = readSprint(doc)
    const team = view.teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase())
    if (!team) {
      throw new UsageError(
        `no team "${teamName}" at checkpoint ${n} (teams: ${view.teams.map((t) => t.name).join(', ') || 'none'})`,
      )
    }
    io.out(exportTeam(doc, team.id, { legend: args.flags.has('legend') }))
  } else if (args.flags.has('issue')) io.out(exportIssue(doc))
  else io.out(exportSprint(doc))
}
