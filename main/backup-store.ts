import { createHash } from 'node:crypto'
import { readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { backupIdSchema, sprintIdSchema } from '../shared/ipc/schemas'
import type { BackupInfo } from '../shared/ipc/types'
import { writeFileAtomic } from './atomic-file'

/** Checks that bytes are a readable .sprintpad file; throws with a reason when not. */
export type SprintFileValidator = (bytes: Uint8Array) => void

/** Options of {@link BackupStore}. */
export interface BackupStoreOptions {
  /** The backups folder (one sub-folder per sprint), inside the user-data folder. */
  dir: string
  /** Validates a snapshot in the .sprintpad format (`decodeSprintFile`). */
  validate: SprintFileValidator
  /** How many backups to keep per sprint. */
  keep?: number
  /** A new backup is written at most this often per sprint, even if the renderer asks more. */
  minIntervalMs?: number
  now?: () => number
}

/** Raised when a backup fails its checksum or format check; it is never applied. */
export class CorruptBackupError extends Error {
  override name = 'CorruptBackupError'
}

interface Sidecar {
  title: string
  sha256: string
}

const FILE_PATTERN = /^(\d{1,16})-([0-9a-f]{16})\.sprintpad$/

/**
 * Periodic snapshots of open sprints, in the .sprintpad format, kept per sprint in
 * `<dir>/<sprintId>/<createdAt>-<sha256 prefix>.sprintpad` with a JSON sidecar holding the title
 * and the full SHA-256. Identical consecutive snapshots are not stored twice; only the newest
 * `keep` are kept. A backup whose bytes no longer match their checksum, or that does not decode,
 * is listed with `ok: false` and refused by {@link BackupStore.restore}.
 */
export class BackupStore {
  readonly #dir: string
  readonly #validate: SprintFileValidator
  readonly #keep: number
  readonly #minIntervalMs: number
  readonly #now: () => number

  constructor(options: BackupStoreOptions) {
    this.#dir = options.dir
    this.#validate = options.validate
    this.#keep = Math.max(1, options.keep ?? 20)
    this.#minIntervalMs = options.minIntervalMs ?? 60_000
    this.#now = options.now ?? Date.now
  }

  /** Stores a snapshot unless it equals the newest one or the newest is too recent. */
  async put(snapshot: { sprintId: string; title: string; bytes: Uint8Array }): Promise<{
    written: boolean
  }> {
    const sprintId = sprintIdSchema.parse(snapshot.sprintId)
    try {
      this.#validate(snapshot.bytes)
    } catch (error) {
      throw new Error(
        `snapshot of sprint ${sprintId} is not a valid .sprintpad file: ${message(error)}`,
        { cause: error },
      )
    }
    const sha256 = sha256Hex(snapshot.bytes)
    const createdAt = this.#now()
    const newest = (await this.#entries(sprintId))[0]
    if (
      newest &&
      (newest.sha16 === sha256.slice(0, 16) || createdAt - newest.createdAt < this.#minIntervalMs)
    ) {
      return { written: false }
    }
    const base = join(this.#dir, sprintId, `${createdAt}-${sha256.slice(0, 16)}`)
    await writeFileAtomic(`${base}.sprintpad`, snapshot.bytes)
    await writeFileAtomic(
      `${base}.json`,
      JSON.stringify({ title: snapshot.title, sha256 } satisfies Sidecar),
    )
    await this.#rotate(sprintId)
    return { written: true }
  }

  /** The backups of a sprint, newest first, each checked. */
  async list(sprintId: string): Promise<BackupInfo[]> {
    const id = sprintIdSchema.parse(sprintId)
    const infos: BackupInfo[] = []
    for (const entry of await this.#entries(id)) {
      const checked = await this.#check(id, entry)
      infos.push({
        id: `${id}/${entry.stem}`,
        createdAt: entry.createdAt,
        size: checked.size,
        ok: checked.problem === null,
        title: checked.title,
      })
    }
    return infos
  }

  /** The bytes of a backup after checking it; throws {@link CorruptBackupError} otherwise. */
  async restore(backupId: string): Promise<Uint8Array> {
    const [sprintId = '', stem = ''] = backupIdSchema.parse(backupId).split('/')
    const entry = (await this.#entries(sprintId)).find((candidate) => candidate.stem === stem)
    if (!entry) throw new Error(`backup ${backupId} does not exist`)
    const checked = await this.#check(sprintId, entry)
    if (checked.problem !== null || checked.bytes === null) {
      throw new CorruptBackupError(
        `backup ${backupId} is corrupt (${checked.problem ?? 'unreadable'}); it was not restored`,
      )
    }
    return checked.bytes
  }

  async #entries(sprintId: string): Promise<Entry[]> {
    const names = await readdir(join(this.#dir, sprintId)).catch(() => [])
    const entries: Entry[] = []
    for (const name of names) {
      const match = FILE_PATTERN.exec(name)
      if (match?.[1] && match[2]) {
        entries.push({
          stem: `${match[1]}-${match[2]}`,
          createdAt: Number(match[1]),
          sha16: match[2],
        })
      }
    }
    return entries.sort((a, b) => b.createdAt - a.createdAt || b.stem.localeCompare(a.stem))
  }

  async #check(sprintId: string, entry: Entry): Promise<Checked> {
    const base = join(this.#dir, sprintId, entry.stem)
    const bytes = await readFile(`${base}.sprintpad`).catch(() => null)
    const sidecar = await readSidecar(`${base}.json`)
    const size = bytes?.byteLength ?? (await stat(`${base}.sprintpad`).catch(() => null))?.size ?? 0
    const title = sidecar?.title ?? ''
    if (bytes === null) return { bytes, size, title, problem: 'unreadable' }
    const actual = sha256Hex(bytes)
    const expected = sidecar?.sha256 ?? entry.sha16
    if (!actual.startsWith(expected) || !actual.startsWith(entry.sha16)) {
      return { bytes: null, size, title, problem: 'checksum mismatch' }
    }
    try {
      this.#validate(bytes)
    } catch (error) {
      return { bytes: null, size, title, problem: message(error) }
    }
    return { bytes: new Uint8Array(bytes), size, title, problem: null }
  }

  async #rotate(sprintId: string): Promise<void> {
    const stale = (await this.#entries(sprintId)).slice(this.#keep)
    for (const entry of stale) {
      const base = join(this.#dir, sprintId, entry.stem)
      await rm(`${base}.sprintpad`, { force: true })
      await rm(`${base}.json`, { force: true })
    }
  }
}

interface Entry {
  stem: string
  createdAt: number
  sha16: string
}

interface Checked {
  bytes: Uint8Array | null
  size: number
  title: string
  problem: string | null
}

async function readSidecar(path: string): Promise<Sidecar | null> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'))
    if (typeof value !== 'object' || value === null) return null
    const { title, sha256 } = value as Record<string, unknown>
    if (typeof title !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) {
      return null
    }
    return { title, sha256 }
  } catch {
    return null
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
