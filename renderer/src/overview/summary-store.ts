import type * as Y from 'yjs'
import { readSprint } from '../../../shared/doc'
import { summarizeSprint, type SprintSummary } from '../../../shared/overview'
import type { SprintEntry } from '../store/registry'

/** The IndexedDB database of the overview's sprint summaries (one record per sprint). */
export const OVERVIEW_DB = 'sprintpad-overview'
const STORE = 'summaries'

interface Cached {
  id: string
  /** When the summary was made (compared with the sprint's last edit). */
  madeAt: number
  summary: SprintSummary
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

let opening: Promise<IDBDatabase> | undefined
function open(): Promise<IDBDatabase> {
  opening ??= (() => {
    const req = indexedDB.open(OVERVIEW_DB, 1)
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE))
        req.result.createObjectStore(STORE, { keyPath: 'id' })
    }
    return request(req)
  })()
  return opening
}

/** Writes still going on: the overview waits for them, so it never reads a summary half-stored. */
let pending: Promise<unknown> = Promise.resolve()

async function put(record: Cached): Promise<void> {
  const db = await open()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite')
    tx.objectStore(STORE).put(record)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
  })
}

/**
 * Keeps the summary of a sprint that is closing, so the overview opened next has it at hand. The
 * summary is made in a task of its own (after the sprints list recorded the last edit, in this
 * same tick, so it counts as made after it; the document stays readable after the sprint closes),
 * and an overview opened meanwhile waits for it.
 */
export function keepSummary(doc: Y.Doc): void {
  const made = new Promise<Cached | undefined>((resolve) =>
    setTimeout(() => {
      const summary = summarizeSprint(readSprint(doc))
      resolve(summary.id === '' ? undefined : { id: summary.id, madeAt: Date.now(), summary })
    }),
  )
  pending = pending
    .then(() => made)
    .then((record) => record && put(record))
    .catch(() => undefined)
}

/** Forgets a sprint's summary (with the sprint). */
export async function forgetSummary(id: string): Promise<void> {
  const db = await open()
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite')
    tx.objectStore(STORE).delete(id)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
  })
}

/**
 * The summaries of these sprints: kept ones when made after the sprint's last edit, else read
 * from the sprint's stored document with `load` (and kept for next time). Sprints that cannot be
 * read are left out.
 */
export async function loadSummaries(
  entries: readonly SprintEntry[],
  load: (id: string) => Promise<Y.Doc>,
): Promise<Map<string, SprintSummary>> {
  await pending
  const db = await open()
  const store = db.transaction(STORE).objectStore(STORE)
  const cached = await Promise.all(
    entries.map((e) => request(store.get(e.id)) as Promise<Cached | undefined>),
  )
  const out = new Map<string, SprintSummary>()
  for (const [i, e] of entries.entries()) {
    const hit = cached[i]
    if (hit && hit.madeAt >= e.updatedAt) {
      out.set(e.id, hit.summary)
      continue
    }
    try {
      const doc = await load(e.id)
      const summary = summarizeSprint(readSprint(doc))
      doc.destroy()
      out.set(e.id, summary)
      await put({ id: e.id, madeAt: Date.now(), summary })
    } catch {
      // A sprint that cannot be read is not charted (its own screen says what is wrong).
    }
  }
  return out
}
