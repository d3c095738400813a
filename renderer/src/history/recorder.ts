import type * as Y from 'yjs'
import { HISTORY_ORIGIN, MIGRATION_ORIGIN } from '../../../shared/doc'
import {
  authorsOf,
  captureSprint,
  changesSince,
  isAfterBeingApart,
  isEditingCheckpointDue,
  readEditors,
  recordEditor,
  type Capture,
  type Checkpoint,
  type CheckpointReason,
  type Editor,
} from '../../../shared/history'
import type { ExternalStore } from '../store/useY'
import type { HistoryStore } from './history-store'

/** Options of {@link HistoryRecorder} (tests shorten the waits and set the clock). */
export interface RecorderOptions {
  /** Origins that are not edits (the persistence loading the document). */
  ignoredOrigins?: readonly unknown[]
  now?: () => number
  /** Editing: a checkpoint waits for this much quiet (typing paused)… */
  quietMs?: number
  /** …but no longer than this after it became due. */
  maxWaitMs?: number
  onError?: (error: unknown) => void
}

const recorders = new WeakMap<Y.Doc, HistoryRecorder>()
const waiting = new WeakMap<Y.Doc, ((r: HistoryRecorder) => void)[]>()

/**
 * The history recorder of an open sprint's document, if it has one. The places that change the
 * sprint in bulk call `historyOf(doc)?.checkpoint(reason)` just before (an import, a restore,
 * a Sections change), and the sync code may call {@link HistoryRecorder.beforeRemoteChanges}
 * when a peer connects after being apart.
 */
export function historyOf(doc: Y.Doc): HistoryRecorder | undefined {
  return recorders.get(doc)
}

/**
 * The recorder of `doc` once it has started (its store opens asynchronously with the sprint);
 * rejects after `timeoutMs` if it never does (the history could not be opened).
 */
export function whenHistoryOf(doc: Y.Doc, timeoutMs = 5000): Promise<HistoryRecorder> {
  const r = recorders.get(doc)
  if (r) return Promise.resolve(r)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the history of this sprint could not be opened')),
      timeoutMs,
    )
    const list = waiting.get(doc) ?? []
    list.push((rec) => {
      clearTimeout(timer)
      resolve(rec)
    })
    waiting.set(doc, list)
  })
}

/**
 * Takes an open sprint's checkpoints and stores them in its {@link HistoryStore}: when it opens;
 * after every few minutes of editing (once typing pauses); before an import, a restore, a Sections
 * change or "Start next sprint" (callers ask); and before a colleague's changes arrive after a
 * quiet gap (being apart). A checkpoint equal to the previous one is not stored. The capture is
 * synchronous (the state at the moment asked); storing, naming the authors and applying the
 * retention rule follow asynchronously, in order. Records this user in the sprint's `editors` map
 * once they edit. Create with {@link HistoryRecorder.start}; {@link destroy} with the sprint.
 */
export class HistoryRecorder {
  private last: Checkpoint | undefined
  /** When the newest capture was taken (stored or not yet). */
  private lastCaptureAt: number | undefined
  private lastRemoteAt: number | undefined
  private isDirty = false
  /** The `opened` checkpoint is still to be taken (see {@link HistoryRecorder.start}). */
  private isOpenedPending = false
  private dueSince: number | undefined
  private quietTimer: ReturnType<typeof setTimeout> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private recordedAs = ''
  private userCheckedAt = -Infinity
  private isDestroyed = false
  private version = 0
  private readonly listeners = new Set<() => void>()
  private readonly ignored: Set<unknown>
  private readonly now: () => number

  private constructor(
    readonly doc: Y.Doc,
    private readonly store: HistoryStore,
    private readonly user: () => Editor,
    private readonly options: RecorderOptions,
  ) {
    this.ignored = new Set([...(options.ignoredOrigins ?? []), HISTORY_ORIGIN, MIGRATION_ORIGIN])
    this.now = options.now ?? Date.now
  }

  /** Starts recording `doc` into `store`, with an `opened` checkpoint (stored if changed). */
  static start(
    doc: Y.Doc,
    store: HistoryStore,
    user: () => Editor,
    options: RecorderOptions = {},
  ): HistoryRecorder {
    const r = new HistoryRecorder(doc, store, user, options)
    recorders.set(doc, r)
    for (const wake of waiting.get(doc) ?? []) wake(r)
    waiting.delete(doc)
    r.queue = store.list().then((list) => {
      r.last = list.at(-1)
      r.lastCaptureAt ??= r.last?.at
    })
    doc.on('update', r.onUpdate)
    doc.on('beforeTransaction', r.onBeforeTransaction)
    doc.on('afterTransaction', r.onAfterTransaction)
    // The sprint as opened, captured once the browser is idle (opening stays fast), or just
    // before the first change if that comes sooner.
    r.isOpenedPending = true
    whenIdle(() => r.takeOpened())
    return r
  }

  private takeOpened(): void {
    if (this.isOpenedPending && !this.isDestroyed) void this.checkpoint('opened')
  }

  /**
   * Takes one checkpoint of `doc` into `store` without recording further (a sprint that is not
   * open, e.g. before "Start next sprint" carries it over). Resolves once stored.
   */
  static async once(
    doc: Y.Doc,
    store: HistoryStore,
    reason: CheckpointReason,
  ): Promise<Checkpoint | undefined> {
    const r = new HistoryRecorder(doc, store, () => ({ name: '', color: '', handle: '' }), {})
    r.queue = store.list().then((list) => {
      r.last = list.at(-1)
    })
    return r.checkpoint(reason)
  }

  /**
   * Takes a checkpoint of the sprint as it is now (synchronously), then stores it unless it
   * equals the previous one. Resolves to the newest checkpoint (this one or the equal previous).
   */
  checkpoint(reason: CheckpointReason): Promise<Checkpoint | undefined> {
    if (this.isDestroyed) return Promise.resolve(this.last)
    // Nothing changed since opening (a change would have taken it): this one stands for it.
    this.isOpenedPending = false
    return this.enqueue(reason)
  }

  /** Captures now and queues storing it. */
  private enqueue(reason: CheckpointReason): Promise<Checkpoint | undefined> {
    const capture = captureSprint(this.doc)
    const at = this.now()
    this.lastCaptureAt = at
    this.isDirty = false
    this.dueSince = undefined
    clearTimeout(this.quietTimer)
    const next = this.queue.then(() => this.persist(capture, at, reason))
    this.queue = next.catch((err: unknown) => this.options.onError?.(err))
    return next
  }

  /** Whether the document changed since the newest checkpoint was taken (in this session). */
  get hasChangesSinceCheckpoint(): boolean {
    return this.isDirty
  }

  /** For the sync code: a peer is about to send what it did while apart; keep the state before. */
  beforeRemoteChanges(): Promise<Checkpoint | undefined> {
    return this.checkpoint('peer')
  }

  /** Every stored checkpoint, oldest first (after the ones asked for so far are stored). */
  async list(): Promise<Checkpoint[]> {
    this.takeOpened()
    await this.queue
    return this.store.list()
  }

  /** The store (blobs, size, archive) once every checkpoint asked for is in it. */
  async settled(): Promise<HistoryStore> {
    this.takeOpened()
    await this.queue
    return this.store
  }

  /** Changes each time a checkpoint is stored (the History panel re-reads the list). */
  readonly versionStore: ExternalStore<number> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.version,
  }

  /**
   * Stops recording; an edit since the last checkpoint gets one once the browser is idle (the
   * document stays readable after the sprint closes), so the next screen does not wait for it.
   */
  destroy(): void {
    if (this.isDestroyed) return
    const last = this.isDirty
      ? new Promise<unknown>((resolve) =>
          whenIdle(() => resolve(this.enqueue('editing').catch(() => undefined))),
        )
      : Promise.resolve()
    this.isDestroyed = true
    clearTimeout(this.quietTimer)
    this.doc.off('update', this.onUpdate)
    this.doc.off('beforeTransaction', this.onBeforeTransaction)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    if (recorders.get(this.doc) === this) recorders.delete(this.doc)
    this.listeners.clear()
    void last.then(() => this.queue).finally(() => this.store.close())
  }

  private async persist(
    capture: Capture,
    at: number,
    reason: CheckpointReason,
  ): Promise<Checkpoint | undefined> {
    const prev = this.last
    if (prev && samePartsAs(prev, capture)) return prev
    const checkpoint: Checkpoint = {
      id: `${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      at,
      reason,
      parts: capture.parts.map(({ key, label, hash }) => ({ key, label, hash })),
      stateVector: capture.stateVector,
      authors: authorsOf(
        changesSince(this.doc, prev?.stateVector, capture.stateVector),
        readEditors(this.doc),
      ),
    }
    this.last = checkpoint
    const prevHashes = new Set(prev?.parts.map((p) => p.hash))
    const blobs = capture.parts
      .filter((p) => !prevHashes.has(p.hash))
      .map(({ hash, data, markdown }) => ({ hash, data, markdown }))
    await this.store.add(checkpoint, blobs)
    await this.store.applyRetention(this.now())
    this.version++
    for (const l of [...this.listeners]) l()
    return checkpoint
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.ignored.has(origin)) return
    this.isDirty = true
    const now = this.now()
    if (!isEditingCheckpointDue(this.lastCaptureAt, now)) return
    this.dueSince ??= now
    clearTimeout(this.quietTimer)
    const wait = Math.max(
      0,
      Math.min(
        this.options.quietMs ?? 3000,
        this.dueSince + (this.options.maxWaitMs ?? 30_000) - now,
      ),
    )
    this.quietTimer = setTimeout(() => {
      if (this.isDirty) void this.checkpoint('editing')
    }, wait)
  }

  /** Any change: the sprint as opened first. A colleague's change after a quiet gap: the state before it. */
  private readonly onBeforeTransaction = (tr: Y.Transaction): void => {
    if (this.ignored.has(tr.origin)) return
    this.takeOpened()
    if (tr.local) return
    const now = this.now()
    const isApart = isAfterBeingApart(this.lastRemoteAt, now)
    this.lastRemoteAt = now
    if (isApart) void this.checkpoint('peer')
  }

  private readonly onAfterTransaction = (tr: Y.Transaction): void => {
    if (!tr.local || this.ignored.has(tr.origin) || this.isDestroyed) return
    // This user edits: make sure their client id has their name (once per session, or renamed;
    // the settings are looked at no more than every 10 s, not on every keystroke).
    const now = this.now()
    if (now - this.userCheckedAt < 10_000) return
    this.userCheckedAt = now
    const user = this.user()
    const key = `${user.name}\u0000${user.color}\u0000${user.handle}`
    if (key === this.recordedAs) return
    this.recordedAs = key
    setTimeout(() => {
      if (!this.isDestroyed) recordEditor(this.doc, user)
    })
  }
}

/** Runs `fn` when the browser is idle (at most 2 s later), or soon where there is no such API. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 })
  else setTimeout(fn, 200)
}

function samePartsAs(c: Checkpoint, capture: Capture): boolean {
  return (
    c.parts.length === capture.parts.length &&
    c.parts.every(
      (p, i) => p.hash === capture.parts[i]?.hash && p.label === capture.parts[i]?.label,
    )
  )
}
