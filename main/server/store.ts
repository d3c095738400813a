import * as Y from 'yjs'

/** What a store holds, for `/healthz` and the benchmark. */
export interface StoreStats {
  /** Sprints with anything stored. */
  documents: number
  /** Bytes of Yjs data stored (snapshots and not yet compacted updates). */
  bytes: number
}

/**
 * Where the server keeps sprints: per document a compacted snapshot and an append-only log of
 * the updates received since. {@link SprintStore.append} runs before the server applies (and so
 * acknowledges) an update, so an acknowledged edit survives the server process being killed;
 * {@link SprintStore.compact} folds the log into the snapshot from time to time.
 */
export interface SprintStore {
  /** `sqlite` or `postgres`, and where, without credentials (for logs and `/healthz`). */
  readonly description: string
  /** Creates tables if needed; call once before anything else. */
  open(): Promise<void>
  /** Durably appends one update (already checked by the guard) to the document's log. */
  append(name: string, update: Uint8Array): Promise<void>
  /** The document's snapshot and log merged into one update, or `null` if nothing is stored. */
  load(name: string): Promise<Uint8Array | null>
  /**
   * Replaces the snapshot with snapshot + log + `state` (the server's in-memory copy) merged,
   * and drops the log entries it folded in, atomically. Safe to run concurrently with `append`
   * and with another instance compacting the same document.
   */
  compact(name: string, state: Uint8Array): Promise<void>
  stats(): Promise<StoreStats>
  /** Throws if the store cannot be reached (for `/healthz`). */
  check(): Promise<void>
  close(): Promise<void>
}

/** The result of {@link mergeUpdates}. */
export interface Merged {
  state: Uint8Array
  /** Parts that failed to apply (a damaged row), skipped so the rest stays readable. */
  skipped: number
}

/**
 * Merges stored parts (a snapshot, log entries, a state) into one compact update through a
 * scratch Y.Doc, so deleted content is garbage-collected. A part that throws is skipped and
 * counted rather than making the whole sprint unreadable.
 */
export function mergeUpdates(parts: readonly Uint8Array[]): Merged {
  const doc = new Y.Doc()
  let skipped = 0
  for (const part of parts) {
    if (part.length === 0) continue
    try {
      Y.applyUpdate(doc, part)
    } catch {
      skipped++
    }
  }
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { state, skipped }
}

/** True for the update that changes nothing (no structs, no deletions): not worth storing. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0
}
