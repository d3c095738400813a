import type * as Y from 'yjs'
import {
  authorsOf,
  captureSprint,
  changedParts,
  changesSince,
  diffMarkdown,
  readEditors,
  teamIdOfPart,
  type Author,
  type Checkpoint,
  type CheckpointPart,
  type CheckpointReason,
  type MarkdownDiff,
  type PartBlob,
} from '../../../shared/history'

/** A row of the History panel: a stored checkpoint, or "Now" (changes not yet in one). */
export interface HistoryEntry {
  id: string
  at: number
  reason: CheckpointReason | 'now'
  parts: CheckpointPart[]
  authors: Record<string, Author[]>
  /** The document's state vector at a stored checkpoint. */
  stateVector?: Uint8Array
  /** "Now" before the sprint was captured (see {@link resolveNow}). */
  isPending?: boolean
}

/** One part's changes in an entry: the diff of its Markdown and who made them. */
export interface PartDiff {
  key: string
  label: string
  /** The team's id at that checkpoint (undefined for the issue body). */
  teamId: string | undefined
  isAdded: boolean
  isRemoved: boolean
  diff: MarkdownDiff
  authors: Author[]
}

/** What the panel shows: entries newest first, and where their parts' contents come from. */
export interface HistoryModel {
  entries: HistoryEntry[]
  blobs: (hashes: Iterable<string>) => Promise<Map<string, PartBlob>>
}

export const NOW_ID = 'now'

/**
 * The History panel's entries: the stored checkpoints, newest first, with names as the sprint
 * knows them now (an editor's entry may arrive after a checkpoint). When the sprint may have
 * changed since the newest one (`mayHaveChanged`, or there is none), a pending "Now" comes first:
 * capturing the sprint is the costly part, so it is left to {@link resolveNow}, after the panel
 * is painted.
 */
export function historyModel(
  doc: Y.Doc,
  checkpoints: readonly Checkpoint[],
  storedBlobs: (hashes: Iterable<string>) => Promise<Map<string, PartBlob>>,
  mayHaveChanged: boolean,
  now = Date.now(),
): HistoryModel {
  const editors = readEditors(doc)
  const entries: HistoryEntry[] = [...checkpoints]
    .reverse()
    .map((c) => ({ ...c, authors: renamed(c.authors, editors) }))
  if (mayHaveChanged || checkpoints.length === 0) {
    entries.unshift({ id: NOW_ID, at: now, reason: 'now', parts: [], authors: {}, isPending: true })
  }
  return { entries, blobs: storedBlobs }
}

/**
 * The model with "Now" captured: the sprint as it is, or no "Now" at all when it equals the
 * newest checkpoint. Its parts are served from memory.
 */
export function resolveNow(model: HistoryModel, doc: Y.Doc): HistoryModel {
  const [first, ...stored] = model.entries
  if (!first?.isPending) return model
  const newest = stored[0]
  const capture = captureSprint(doc)
  if (newest && changedParts(newest, capture).length === 0) return { ...model, entries: stored }
  const memory = new Map(capture.parts.map((p) => [p.hash, p]))
  const now: HistoryEntry = {
    id: NOW_ID,
    at: first.at,
    reason: 'now',
    parts: capture.parts.map(({ key, label, hash }) => ({ key, label, hash })),
    authors: authorsOf(changesSince(doc, newest?.stateVector), readEditors(doc)),
  }
  return {
    entries: [now, ...stored],
    blobs: async (hashes) => {
      const list = [...hashes]
      const out = await model.blobs(list.filter((h) => !memory.has(h)))
      for (const h of list) {
        const m = memory.get(h)
        if (m) out.set(h, m)
      }
      return out
    },
  }
}

function renamed(
  authors: Record<string, Author[]>,
  editors: ReadonlyMap<number, { name: string; color: string }>,
): Record<string, Author[]> {
  const out: Record<string, Author[]> = {}
  for (const [key, list] of Object.entries(authors)) {
    out[key] = list.map((a) => {
      const e = editors.get(a.clientId)
      return e ? { ...a, name: e.name, color: e.color } : a
    })
  }
  return out
}

/**
 * The changes an entry brought (since the entry before it, in time): per changed part, the diff
 * of its exported Markdown, with its authors.
 */
export async function entryDiffs(model: HistoryModel, index: number): Promise<PartDiff[]> {
  const entry = model.entries[index]
  if (!entry || entry.isPending) return []
  const before = model.entries[index + 1]
  const changes = changedParts(before, entry)
  const blobs = await model.blobs(changes.flatMap((c) => [c.before, c.after].filter((h) => h)))
  return changes.map((c) => ({
    key: c.key,
    label: c.label,
    teamId: teamIdOfPart(c.key),
    isAdded: c.before === '',
    isRemoved: c.after === '',
    diff: diffMarkdown(blobs.get(c.before)?.markdown ?? '', blobs.get(c.after)?.markdown ?? ''),
    authors: entry.authors[c.key] ?? [],
  }))
}

/** Every part of an entry with its content (what a restore needs). */
export async function entryParts(model: HistoryModel, entry: HistoryEntry): Promise<PartBlob[]> {
  const blobs = await model.blobs(entry.parts.map((p) => p.hash))
  const missing = entry.parts.find((p) => !blobs.has(p.hash))
  if (missing) throw new Error(`this checkpoint lost its part "${missing.label}"`)
  return entry.parts.map((p) => blobs.get(p.hash) as PartBlob)
}
