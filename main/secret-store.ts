import { readFile } from 'node:fs/promises'
import { sprintIdSchema } from '../shared/ipc/schemas'
import type { RoomSecret } from '../shared/ipc/types'
import { writeFileAtomic } from './atomic-file'

/** Electron's `safeStorage`, as far as the store needs it. */
export interface Cipher {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
}

interface StoredRoom {
  /** `safeStorage`: base64 of the OS-encrypted JSON; `plain`: base64 of the JSON itself. */
  encoding: 'safeStorage' | 'plain'
  data: string
}

/**
 * The sync room and secret of each sprint, in one JSON file of the user-data folder (mode 0600),
 * encrypted with the OS keychain through `safeStorage` when it is available. Where it is not
 * (some Linux desktops without a keyring) the value is stored unencrypted and
 * {@link SecretStore.isEncrypted} says so.
 */
export class SecretStore {
  readonly #file: string
  readonly #cipher: Cipher
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: { file: string; cipher: Cipher }) {
    this.#file = options.file
    this.#cipher = options.cipher
  }

  /** Whether new secrets are encrypted at rest. */
  get isEncrypted(): boolean {
    return this.#cipher.isEncryptionAvailable()
  }

  async get(sprintId: string): Promise<RoomSecret | null> {
    const stored = (await this.#read())[sprintIdSchema.parse(sprintId)]
    if (!stored) return null
    const buffer = Buffer.from(stored.data, 'base64')
    const json =
      stored.encoding === 'safeStorage'
        ? this.#cipher.decryptString(buffer)
        : buffer.toString('utf8')
    const value: unknown = JSON.parse(json)
    if (!isRoomSecret(value)) throw new Error(`the stored room of sprint ${sprintId} is damaged`)
    return { room: value.room, secret: value.secret }
  }

  async set(sprintId: string, value: RoomSecret): Promise<void> {
    const id = sprintIdSchema.parse(sprintId)
    const json = JSON.stringify({ room: value.room, secret: value.secret })
    const stored: StoredRoom = this.isEncrypted
      ? { encoding: 'safeStorage', data: this.#cipher.encryptString(json).toString('base64') }
      : { encoding: 'plain', data: Buffer.from(json, 'utf8').toString('base64') }
    await this.#update((rooms) => ({ ...rooms, [id]: stored }))
  }

  async clear(sprintId: string): Promise<void> {
    const id = sprintIdSchema.parse(sprintId)
    await this.#update((rooms) =>
      Object.fromEntries(Object.entries(rooms).filter(([key]) => key !== id)),
    )
  }

  /** Serialises read-modify-write cycles so two quick calls cannot lose one another's change. */
  async #update(
    change: (rooms: Record<string, StoredRoom>) => Record<string, StoredRoom>,
  ): Promise<void> {
    const run = this.#queue.then(async () => {
      const next = change(await this.#read())
      await writeFileAtomic(this.#file, JSON.stringify(next), { mode: 0o600 })
    })
    this.#queue = run.catch(() => undefined)
    await run
  }

  async #read(): Promise<Record<string, StoredRoom>> {
    let value: unknown
    try {
      value = JSON.parse(await readFile(this.#file, 'utf8'))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw new Error(`the secrets file is damaged: ${(error as Error).message}`, { cause: error })
    }
    if (typeof value !== 'object' || value === null) return {}
    const rooms: Record<string, StoredRoom> = {}
    for (const [key, stored] of Object.entries(value)) {
      if (isStoredRoom(stored)) rooms[key] = stored
    }
    return rooms
  }
}

function isStoredRoom(value: unknown): value is StoredRoom {
  if (typeof value !== 'object' || value === null) return false
  const { encoding, data } = value as Record<string, unknown>
  return (encoding === 'safeStorage' || encoding === 'plain') && typeof data === 'string'
}

function isRoomSecret(value: unknown): value is RoomSecret {
  if (typeof value !== 'object' || value === null) return false
  const { room, secret } = value as Record<string, unknown>
  return typeof room === 'string' && typeof secret === 'string'
}
