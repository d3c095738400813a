import * as Y from 'yjs'
import type { IndexeddbPersistence } from 'y-indexeddb'

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
    doc.on('update', this.onUpdate)
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
    this.persistence._storeUpdate(update, this)
    this.onWrite()
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
