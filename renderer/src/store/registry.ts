import type { ExternalStore } from './useY'

/** One sprint known on this device, as the sprints list shows it. */
export interface SprintEntry {
  id: string
  title: string
  startDate: string
  endDate: string
  teamCount: number
  createdAt: number
  updatedAt: number
  /** Set while a delete can still be undone; such entries are hidden and purged later. */
  deletedAt?: number
}

/** The IndexedDB database of the sprints list. Stable forever. */
export const REGISTRY_DB = 'sprintpad-registry'
const STORE = 'sprints'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

function openRegistryDb(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(REGISTRY_DB, 1)
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) {
      req.result.createObjectStore(STORE, { keyPath: 'id' })
    }
  }
  return request(req)
}

function isEntry(v: unknown): v is SprintEntry {
  if (typeof v !== 'object' || v === null) return false
  const e = v as Record<string, unknown>
  return (
    typeof e.id === 'string' &&
    typeof e.title === 'string' &&
    typeof e.startDate === 'string' &&
    typeof e.endDate === 'string' &&
    typeof e.teamCount === 'number' &&
    typeof e.updatedAt === 'number'
  )
}

/** Newest first: by start date, then by creation time. */
export function compareEntries(a: SprintEntry, b: SprintEntry): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1
  return (b.createdAt ?? 0) - (a.createdAt ?? 0)
}

/**
 * The sprints list of this device, persisted in its own IndexedDB database (one record per
 * sprint). Readable by React through {@link SprintRegistry.store}; every write goes to disk
 * before the promise resolves.
 */
export class SprintRegistry {
  private readonly factory: IDBFactory
  private db: Promise<IDBDatabase> | undefined
  private entries: SprintEntry[] = []
  private visible: readonly SprintEntry[] = []
  private isLoaded = false
  private readonly listeners = new Set<() => void>()
  private markLoaded: () => void = () => undefined
  /** Resolves once {@link load} has read the list from disk. */
  readonly whenLoaded: Promise<void> = new Promise((resolve) => {
    this.markLoaded = resolve
  })

  constructor(factory: IDBFactory = indexedDB) {
    this.factory = factory
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= openRegistryDb(this.factory)
    return this.db
  }

  /** Loads the list from disk; entries whose delete was not undone are purged first. */
  async load(purge: (id: string) => Promise<void> = async () => undefined): Promise<void> {
    const db = await this.open()
    const all = (await request(db.transaction(STORE).objectStore(STORE).getAll())) as unknown[]
    const valid = all.filter(isEntry)
    for (const e of valid.filter((x) => x.deletedAt !== undefined)) {
      await purge(e.id)
      await this.write((s) => s.delete(e.id))
    }
    // Entries put while the load was running are newer than what it read.
    const early = new Map(this.entries.map((e) => [e.id, e]))
    this.entries = [
      ...valid.filter((x) => x.deletedAt === undefined && !early.has(x.id)),
      ...early.values(),
    ]
    this.isLoaded = true
    this.markLoaded()
    this.emit()
  }

  /** Whether {@link load} has finished. */
  get loaded(): boolean {
    return this.isLoaded
  }

  get(id: string): SprintEntry | undefined {
    return this.entries.find((e) => e.id === id)
  }

  /** Adds or replaces an entry. */
  async put(entry: SprintEntry): Promise<void> {
    this.entries = [...this.entries.filter((e) => e.id !== entry.id), entry]
    this.emit()
    await this.write((s) => s.put(entry))
  }

  /** Updates fields of an entry if they changed (no write otherwise). */
  async update(id: string, patch: Partial<Omit<SprintEntry, 'id'>>): Promise<void> {
    const cur = this.get(id)
    if (!cur) return
    const keys = Object.keys(patch) as (keyof typeof patch)[]
    if (keys.every((k) => cur[k] === patch[k])) return
    await this.put({ ...cur, ...patch })
  }

  /** Hides an entry; {@link restore} brings it back, {@link load} purges it on a later start. */
  async markDeleted(id: string): Promise<void> {
    const cur = this.get(id)
    if (!cur) return
    const gone = { ...cur, deletedAt: Date.now() }
    this.entries = this.entries.map((e) => (e.id === id ? gone : e))
    this.emit()
    await this.write((s) => s.put(gone))
  }

  async restore(id: string): Promise<void> {
    const cur = this.entries.find((e) => e.id === id)
    if (!cur) return
    const back: SprintEntry = { ...cur }
    delete back.deletedAt
    await this.put(back)
  }

  /** Removes an entry for good. */
  async remove(id: string): Promise<void> {
    this.entries = this.entries.filter((e) => e.id !== id)
    this.emit()
    await this.write((s) => s.delete(id))
  }

  private async write(fn: (store: IDBObjectStore) => void): Promise<void> {
    const db = await this.open()
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite')
      fn(tx.objectStore(STORE))
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'))
    })
  }

  private emit(): void {
    this.visible = this.entries.filter((e) => e.deletedAt === undefined).sort(compareEntries)
    for (const l of [...this.listeners]) l()
  }

  /** The visible entries, newest first. */
  readonly store: ExternalStore<readonly SprintEntry[]> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.visible,
  }

  close(): void {
    void this.db?.then((db) => db.close())
    this.db = undefined
  }
}
