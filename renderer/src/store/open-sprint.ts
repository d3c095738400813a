import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { createUndoManager, itemsMap, migrate } from '../../../shared/doc'
import { mergeConcurrentCopies } from '../../../shared/doc/next-sprint'
import { StructureIndex } from './structure-index'
import { BatchedWrites } from './batched-writes'
import type { ExternalStore } from './useY'

/** The IndexedDB database of one sprint's document. Stable forever: never change it. */
export function sprintDbName(sprintId: string): string {
  return `sprintpad-sprint-${sprintId}`
}

/** `saving`: an update is not yet committed to IndexedDB; `saved`: everything is on disk. */
export type SaveState = 'loading' | 'saving' | 'saved' | 'error'

/**
 * How long after a colleague's change adds items the sprint tidies duplicate re-prioritised
 * copies ({@link mergeConcurrentCopies}): time enough for their first keystrokes in a copy to
 * arrive, since a copy anyone has written in is never removed.
 */
export const TIDY_DELAY_MS = 2000

/** Something attached to an open sprint (a sync provider…), destroyed when the sprint closes. */
export interface Attachment {
  destroy: () => void
}

/**
 * One open sprint: its Y.Doc, the y-indexeddb persistence, this user's UndoManager and the
 * structure index. Create with {@link OpenSprint.open}, and call {@link OpenSprint.close} when the
 * sprint view goes away: everything it owns is destroyed. A sync provider joins through
 * {@link OpenSprint.attach}.
 */
export class OpenSprint {
  readonly id: string
  readonly doc: Y.Doc
  readonly persistence: IndexeddbPersistence
  readonly undo: Y.UndoManager
  readonly structure: StructureIndex
  /** False when the document was written by a newer Sprintpad (shown read-only warning). */
  isSupported = true
  private saveState: SaveState = 'loading'
  private readonly saveListeners = new Set<() => void>()
  private readonly attachments: Attachment[] = []
  private readonly writes: BatchedWrites
  private isClosed = false
  private tidyTimer: ReturnType<typeof setTimeout> | undefined

  private constructor(
    id: string,
    private readonly tidyDelayMs: number,
  ) {
    this.id = id
    this.doc = new Y.Doc()
    this.persistence = new IndexeddbPersistence(sprintDbName(id), this.doc)
    this.writes = new BatchedWrites(this.persistence, this.doc, this.onWrite)
    this.undo = createUndoManager(this.doc)
    this.structure = new StructureIndex(this.doc)
    this.doc.on('afterTransaction', this.onTransaction)
  }

  /** Opens a sprint's document and resolves once everything stored on this device is loaded. */
  static async open(id: string, opts: { tidyDelayMs?: number } = {}): Promise<OpenSprint> {
    performance.mark('sprintpad:open')
    const sprint = new OpenSprint(id, opts.tidyDelayMs ?? TIDY_DELAY_MS)
    // The stored rows are read: y-indexeddb's transaction applying them starts.
    sprint.doc.once('beforeTransaction', () => performance.mark('sprintpad:read'))
    await sprint.persistence.whenSynced
    performance.mark('sprintpad:loaded')
    // Only now: an `update` listener makes Yjs encode every transaction, the load's too.
    sprint.writes.start()
    sprint.doc.on('update', sprint.onUpdate)
    sprint.isSupported = migrate(sprint.doc)
    // Loading and migrating are not the user's edits.
    sprint.undo.clear()
    sprint.setSaveState('saved')
    return sprint
  }

  /**
   * Ends the current undo step: the next change starts a new one. Called around discrete actions
   * (an import, a move, a new item) so that Ctrl+Z never merges them with the typing around them.
   */
  checkpoint(): void {
    this.undo.stopCapturing()
  }

  /**
   * An undo for the step just made (call right after the change and a {@link checkpoint}), for a
   * toast's Undo button: it reverts that step only while it is still this user's newest one, so
   * it never takes back something typed since. Returns false when it did nothing.
   */
  undoOfLastStep(): () => boolean {
    const step = this.undo.undoStack.at(-1)
    return () => {
      if (step === undefined || this.undo.undoStack.at(-1) !== step) return false
      this.undo.undo()
      return true
    }
  }

  /** Registers something to destroy with the sprint (e.g. a sync provider over `doc`). */
  attach(attachment: Attachment): void {
    if (this.isClosed) attachment.destroy()
    else this.attachments.push(attachment)
  }

  /** Destroys the providers, the undo manager and the doc. Safe to call twice. */
  async close(): Promise<void> {
    if (this.isClosed) return
    this.isClosed = true
    for (const a of this.attachments.splice(0)) a.destroy()
    this.doc.off('update', this.onUpdate)
    this.doc.off('afterTransaction', this.onTransaction)
    clearTimeout(this.tidyTimer)
    this.structure.destroy()
    this.undo.destroy()
    this.writes.destroy()
    await this.committed().catch(() => undefined)
    await this.persistence.destroy()
    this.doc.destroy()
  }

  /** Writes what is waiting and resolves when every update so far is committed to IndexedDB. */
  flushed(): Promise<void> {
    this.writes.flush()
    return this.committed()
  }

  /** Resolves when every write handed to IndexedDB so far is committed. */
  private committed(): Promise<void> {
    const db = this.persistence.db
    if (!db) return this.persistence.whenSynced.then(() => undefined)
    // A read transaction over the same store starts only after the earlier write transactions
    // of y-indexeddb (created before this one) have committed.
    return new Promise((resolve, reject) => {
      const tx = db.transaction(['updates'], 'readonly')
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB read failed'))
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'))
    })
  }

  /** Items added by someone else (or loaded from disk): tidy concurrent copies a bit later. */
  private readonly onTransaction = (tr: Y.Transaction): void => {
    const items: unknown = itemsMap(this.doc)
    if (tr.local || ![...tr.changed.keys()].some((type) => type === items)) return
    // One tidy per burst, not postponed by every further change of a busy session.
    if (this.tidyTimer !== undefined) return
    this.tidyTimer = setTimeout(() => {
      this.tidyTimer = undefined
      if (!this.isClosed && this.isSupported) mergeConcurrentCopies(this.doc)
    }, this.tidyDelayMs)
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // origin === persistence: the update came from disk and is not written back.
    if (origin === this.persistence || !this.persistence.db) return
    this.setSaveState('saving')
  }

  /** A batch went to IndexedDB: saved once it is committed and nothing else waits. */
  private readonly onWrite = (): void => {
    this.committed().then(
      () => {
        if (this.writes.waiting === 0 && !this.isClosed) this.setSaveState('saved')
      },
      () => this.setSaveState('error'),
    )
  }

  private setSaveState(state: SaveState): void {
    if (this.saveState === state) return
    this.saveState = state
    for (const l of [...this.saveListeners]) l()
  }

  /** The save indicator's store. */
  readonly saveStore: ExternalStore<SaveState> = {
    subscribe: (onChange) => {
      this.saveListeners.add(onChange)
      return () => this.saveListeners.delete(onChange)
    },
    getSnapshot: () => this.saveState,
  }
}
