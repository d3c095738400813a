import {
  checkpointsToKeep,
  mergeAuthors,
  type Checkpoint,
  type HistoryArchive,
  type PartBlob,
  type RetentionRule,
} from '../../../shared/history'

/** The IndexedDB database of one sprint's history. Stable forever: never change it. */
export function historyDbName(sprintId: string): string {
  return `sprintpad-history-${sprintId}`
}

const CHECKPOINTS = 'checkpoints'
const BLOBS = 'blobs'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
  })
}

function isCheckpoint(v: unknown): v is Checkpoint {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return (
    typeof c.id === 'string' &&
    typeof c.at === 'number' &&
    typeof c.reason === 'string' &&
    Array.isArray(c.parts) &&
    c.stateVector instanceof Uint8Array &&
    typeof c.authors === 'object' &&
    c.authors !== null
  )
}

/**
 * One sprint's checkpoints on this device, in their own IndexedDB database: `checkpoints` (by
 * id) and `blobs` (part contents by hash, shared between checkpoints, so a team nobody changed
 * costs nothing more). Every write resolves once committed. Blobs no checkpoint refers to any
 * more are deleted when the retention rule drops checkpoints.
 */
export class HistoryStore {
  private constructor(private readonly db: IDBDatabase) {}

  static async open(sprintId: string, factory: IDBFactory = indexedDB): Promise<HistoryStore> {
    const req = factory.open(historyDbName(sprintId), 1)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains(CHECKPOINTS))
        db.createObjectStore(CHECKPOINTS, { keyPath: 'id' })
      if (!db.objectStoreNames.contains(BLOBS)) db.createObjectStore(BLOBS, { keyPath: 'hash' })
    }
    return new HistoryStore(await request(req))
  }

  /** Every checkpoint, oldest first (unreadable records are skipped). */
  async list(): Promise<Checkpoint[]> {
    const tx = this.db.transaction(CHECKPOINTS)
    const all = (await request(tx.objectStore(CHECKPOINTS).getAll())) as unknown[]
    return all.filter(isCheckpoint).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
  }

  /** The blobs with these hashes (those missing are left out). */
  async blobs(hashes: Iterable<string>): Promise<Map<string, PartBlob>> {
    const store = this.db.transaction(BLOBS).objectStore(BLOBS)
    const out = new Map<string, PartBlob>()
    await Promise.all(
      [...new Set(hashes)].map(async (hash) => {
        const b = (await request(store.get(hash))) as PartBlob | undefined
        if (b) out.set(hash, b)
      }),
    )
    return out
  }

  /** Stores a checkpoint with the blobs it needs (blobs already stored are not written again). */
  async add(checkpoint: Checkpoint, blobs: readonly PartBlob[]): Promise<void> {
    const tx = this.db.transaction([CHECKPOINTS, BLOBS], 'readwrite')
    const store = tx.objectStore(BLOBS)
    // Callbacks, not awaits: the transaction must not go idle between the read and the writes.
    const keys = store.getAllKeys()
    keys.onsuccess = () => {
      const have = new Set(keys.result)
      for (const b of blobs) {
        if (!have.has(b.hash)) store.put({ hash: b.hash, data: b.data, markdown: b.markdown })
      }
    }
    tx.objectStore(CHECKPOINTS).put(checkpoint)
    await done(tx)
  }

  /**
   * Applies the retention rule at `now`: drops the checkpoints it does not keep (their authors go
   * to the next kept checkpoint, so nobody's edit goes unnamed) and the blobs left unreferenced.
   * Returns how many checkpoints were dropped.
   */
  async applyRetention(now: number, rule?: RetentionRule): Promise<number> {
    const list = await this.list()
    const keep = checkpointsToKeep(list, now, rule)
    if (keep.size === list.length) return 0
    const tx = this.db.transaction([CHECKPOINTS, BLOBS], 'readwrite')
    const checkpoints = tx.objectStore(CHECKPOINTS)
    let carried: Checkpoint['authors'] = {}
    const referenced = new Set<string>()
    for (const c of list) {
      if (!keep.has(c.id)) {
        carried = mergeAuthors(carried, c.authors)
        checkpoints.delete(c.id)
        continue
      }
      if (Object.keys(carried).length > 0) {
        checkpoints.put({ ...c, authors: mergeAuthors(carried, c.authors) })
        carried = {}
      }
      for (const p of c.parts) referenced.add(p.hash)
    }
    const blobs = tx.objectStore(BLOBS)
    const keys = blobs.getAllKeys()
    keys.onsuccess = () => {
      for (const hash of keys.result) if (!referenced.has(String(hash))) blobs.delete(hash)
    }
    await done(tx)
    return list.length - keep.size
  }

  /** Everything, for a `.sprintpad` file that carries the history. */
  async archive(): Promise<HistoryArchive> {
    const checkpoints = await this.list()
    const blobs = await this.blobs(checkpoints.flatMap((c) => c.parts.map((p) => p.hash)))
    return { checkpoints, blobs: [...blobs.values()] }
  }

  /**
   * Adds the checkpoints of a file's history that this device does not have (by id). Returns how
   * many were added.
   */
  async importArchive(archive: HistoryArchive): Promise<number> {
    const have = new Set((await this.list()).map((c) => c.id))
    const blobs = new Map(archive.blobs.map((b) => [b.hash, b]))
    let added = 0
    for (const c of archive.checkpoints) {
      if (have.has(c.id)) continue
      await this.add(
        c,
        c.parts.map((p) => blobs.get(p.hash)).filter((b) => b !== undefined),
      )
      added++
    }
    return added
  }

  /** Bytes the history takes (its records as JSON: what IndexedDB stores, roughly). */
  async size(): Promise<{ checkpoints: number; blobs: number; bytes: number }> {
    const list = await this.list()
    const store = this.db.transaction(BLOBS).objectStore(BLOBS)
    const blobs = (await request(store.getAll())) as PartBlob[]
    const json = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v)).length
    const bytes =
      list.reduce((n, c) => n + json({ ...c, stateVector: [] }) + c.stateVector.length, 0) +
      blobs.reduce((n, b) => n + json(b), 0)
    return { checkpoints: list.length, blobs: blobs.length, bytes }
  }

  close(): void {
    this.db.close()
  }
}

/** Deletes a sprint's history for good (with the sprint). */
export function deleteHistoryData(
  sprintId: string,
  factory: IDBFactory = indexedDB,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(historyDbName(sprintId))
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error ?? new Error('could not delete the history'))
    req.onblocked = () => resolve()
  })
}
