import * as Y from 'yjs'
import { PREFERRED_TRIM_SIZE, storeState, type IndexeddbPersistence } from 'y-indexeddb'

/** y-indexeddb's object store of updates. */
const UPDATES_STORE = 'updates'

/** How long updates gather before they are written as one IndexedDB row. */
export const WRITE_BATCH_MS = 100

/**
 * Writes a sprint's updates to IndexedDB in batches instead of one transaction per update.
 *
 * y-indexeddb 9 adds one row, in its own transaction, for every Yjs update (every keystroke,
 * every remote message): at 100+ updates a second the transactions queue up and the stored state
 * trails by hundreds of milliseconds. Here y-indexeddb's own `update` handler is taken off the
 * doc and the updates are merged (`Y.mergeUpdates`) and handed to it as one every
 * {@link WRITE_BATCH_MS} at most, so it still does its own bookkeeping (row count, trimming,
 * snapshots). Nothing waits longer than that, {@link flush} writes at once (before a close, a
 * read of the stored state, or the page going away), and updates that came from the store itself
 * are never written back.
 */
export class BatchedWrites {
  private pending: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private isDestroyed = false
  private isStarted = false

  /**
   * @param onWrite called right after each batch is handed to IndexedDB (its transaction is
   *   then queued; a read transaction started after it sees it committed).
   */
  constructor(
    private readonly persistence: IndexeddbPersistence,
    private readonly doc: Y.Doc,
    private readonly onWrite: () => void = () => undefined,
    private readonly delayMs = WRITE_BATCH_MS,
  ) {
    doc.off('update', persistence._storeUpdate)
  }

  /**
   * Starts writing the doc's updates. Call it once the stored state is loaded: while the doc has
   * no `update` listener, Yjs does not encode an update for each transaction, and loading a
   * heavy sprint's state would otherwise encode all of it again only to be ignored here.
   */
  start(): void {
    if (this.isStarted || this.isDestroyed) return
    this.isStarted = true
    this.doc.on('update', this.onUpdate)
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.flush)
      document.addEventListener('visibilitychange', this.flush)
    }
  }

  /** Updates waiting to be written. */
  get waiting(): number {
    return this.pending.length
  }

  /** Writes what is waiting now (one IndexedDB transaction), if anything. */
  readonly flush = (): void => {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const update = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
    this.store(update)
    this.onWrite()
  }

  /**
   * What y-indexeddb's `_storeUpdate` does (one row, trimming once rows pile up), but the
   * transaction is committed at once: a flush on `pagehide` runs just before the page goes, and
   * a transaction left to commit by itself was lost when the document went first (a reload right
   * after typing lost the last keys).
   */
  private store(update: Uint8Array): void {
    const persistence = this.persistence
    const db = persistence.db
    // Not open yet: y-indexeddb writes the whole state once it is (as its own handler does).
    if (!db) return
    const tx = db.transaction([UPDATES_STORE], 'readwrite')
    tx.objectStore(UPDATES_STORE).add(update)
    tx.commit()
    if (++persistence._dbsize >= PREFERRED_TRIM_SIZE) {
      if (persistence._storeTimeoutId !== null) clearTimeout(persistence._storeTimeoutId)
      persistence._storeTimeoutId = setTimeout(() => {
        void storeState(persistence, false)
        persistence._storeTimeoutId = null
      }, persistence._storeTimeout)
    }
  }

  /** Writes what is waiting and stops batching (y-indexeddb's own handler is not put back). */
  destroy(): void {
    if (this.isDestroyed) return
    this.flush()
    this.isDestroyed = true
    this.doc.off('update', this.onUpdate)
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.flush)
      document.removeEventListener('visibilitychange', this.flush)
    }
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Loaded from the store: already there.
    if (origin === this.persistence || this.isDestroyed) return
    this.pending.push(update)
    this.timer ??= setTimeout(this.flush, this.delayMs)
  }
}
