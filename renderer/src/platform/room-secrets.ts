import type { RoomSecret } from '../../../shared/ipc/types'

/*
 * Where a plain browser tab keeps the sync room of each sprint. Room secrets never go to
 * localStorage (readable by any script on the origin in one synchronous call, and kept in a plain
 * file by the browser): they live in a small IndexedDB database of their own, or in memory for
 * the session when the browser offers no IndexedDB. Secrets are never logged, and errors never
 * include them.
 */

/** The database of room secrets; apart from the y-indexeddb databases of the sprints. */
export const ROOM_SECRETS_DB = 'sprintpad-secrets'
const STORE = 'rooms'
/** Key prefix of rooms an earlier version kept in localStorage; moved out on first read. */
export const LEGACY_ROOM_KEY_PREFIX = 'sprintpad-room:'

/** The room secrets of this browser, by sprint id. */
export interface RoomSecretStore {
  get(sprintId: string): Promise<RoomSecret | null>
  set(sprintId: string, value: RoomSecret): Promise<void>
  clear(sprintId: string): Promise<void>
}

/** Options of {@link createRoomSecretStore}; tests pass a fake IndexedDB and storage. */
export interface RoomSecretStoreOptions {
  indexedDB?: IDBFactory | undefined
  /** Where an earlier version kept rooms in plain text; entries found there are moved. */
  legacyStorage?: Storage | null
}

function toRoomSecret(value: unknown): RoomSecret | null {
  if (typeof value !== 'object' || value === null) return null
  const { room, secret } = value as Record<string, unknown>
  return typeof room === 'string' && typeof secret === 'string' ? { room, secret } : null
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(new Error('The browser refused to store the sync room.'))
  })
}

async function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(ROOM_SECRETS_DB, 1)
  open.onupgradeneeded = () => open.result.createObjectStore(STORE)
  return request(open)
}

async function inStore<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const tx = db.transaction(STORE, mode)
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onabort = () => reject(new Error('The browser refused to store the sync room.'))
  })
  const [result] = await Promise.all([request(run(tx.objectStore(STORE))), done])
  return result
}

function isDatabase(backend: IDBDatabase | RoomSecretStore): backend is IDBDatabase {
  return 'objectStoreNames' in backend
}

function memoryStore(): RoomSecretStore {
  const rooms = new Map<string, RoomSecret>()
  return {
    get: async (sprintId) => rooms.get(sprintId) ?? null,
    set: async (sprintId, { room, secret }) => void rooms.set(sprintId, { room, secret }),
    clear: async (sprintId) => void rooms.delete(sprintId),
  }
}

function readLegacy(storage: Storage | null | undefined, sprintId: string): RoomSecret | null {
  try {
    const raw = storage?.getItem(LEGACY_ROOM_KEY_PREFIX + sprintId) ?? null
    return raw === null ? null : toRoomSecret(JSON.parse(raw))
  } catch {
    return null
  }
}

function removeLegacy(storage: Storage | null | undefined, sprintId: string): void {
  try {
    storage?.removeItem(LEGACY_ROOM_KEY_PREFIX + sprintId)
  } catch {
    // blocked storage holds nothing of ours
  }
}

/**
 * The room secrets of a browser tab: IndexedDB (`sprintpad-secrets`) when the browser has it,
 * memory otherwise. A room an earlier version left in localStorage is moved into the store on
 * its first read, and removed from localStorage only once it is stored.
 */
export function createRoomSecretStore(options: RoomSecretStoreOptions = {}): RoomSecretStore {
  const factory = 'indexedDB' in options ? options.indexedDB : globalThis.indexedDB
  const legacy = options.legacyStorage
  if (!factory) return memoryStore()
  // A browser that has IndexedDB but refuses to open it (some private modes) keeps rooms in
  // memory for the session, like one without IndexedDB.
  let backend: Promise<IDBDatabase | RoomSecretStore> | undefined
  const getDb = async (): Promise<IDBDatabase | RoomSecretStore> =>
    (backend ??= openDb(factory).catch(() => memoryStore()))
  const store: RoomSecretStore = {
    get: async (sprintId) => {
      const db = await getDb()
      if (!isDatabase(db)) return db.get(sprintId)
      const stored = toRoomSecret(await inStore(db, 'readonly', (s) => s.get(sprintId)))
      if (stored) return stored
      const old = readLegacy(legacy, sprintId)
      if (!old) return null
      await store.set(sprintId, old)
      removeLegacy(legacy, sprintId)
      return old
    },
    set: async (sprintId, { room, secret }) => {
      const db = await getDb()
      if (!isDatabase(db)) return db.set(sprintId, { room, secret })
      await inStore(db, 'readwrite', (s) => s.put({ room, secret }, sprintId))
    },
    clear: async (sprintId) => {
      const db = await getDb()
      if (isDatabase(db)) await inStore(db, 'readwrite', (s) => s.delete(sprintId))
      else await db.clear(sprintId)
      removeLegacy(legacy, sprintId)
    },
  }
  return store
}
