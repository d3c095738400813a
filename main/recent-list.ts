import { readFile } from 'node:fs/promises'
import { basename, isAbsolute, normalize } from 'node:path'
import type { OpenedFile, RecentDocument } from '../shared/ipc/types'
import { writeFileAtomic } from './atomic-file'
import { isOpenablePath, readOpenedFile } from './opened-file'

/** Options of {@link RecentList}. */
export interface RecentListOptions {
  /** The JSON file the list lives in (in the user-data folder). */
  file: string
  max?: number
  now?: () => number
  /** Told about each added path (the OS recent-documents list). */
  onAdd?: (path: string) => void
}

/**
 * The recent-documents list, newest first, persisted as JSON. It is also the allow-list of
 * {@link RecentList.open}: the renderer can reopen a path only if it is on the list, and a path
 * gets on the list only when the user picked, dropped or opened that file.
 */
export class RecentList {
  readonly #file: string
  readonly #max: number
  readonly #now: () => number
  readonly #onAdd: ((path: string) => void) | undefined

  constructor(options: RecentListOptions) {
    this.#file = options.file
    this.#max = options.max ?? 10
    this.#now = options.now ?? Date.now
    this.#onAdd = options.onAdd
  }

  /** The list; a missing or damaged file reads as empty (it is only a convenience). */
  async list(): Promise<RecentDocument[]> {
    let value: unknown
    try {
      value = JSON.parse(await readFile(this.#file, 'utf8'))
    } catch {
      return []
    }
    if (!Array.isArray(value)) return []
    return value.filter(isRecentDocument).slice(0, this.#max)
  }

  /** Moves (or adds) a path to the top. Only absolute paths of openable files are accepted. */
  async add(path: string): Promise<RecentDocument[]> {
    if (!isAbsolute(path) || !isOpenablePath(path)) {
      throw new Error(`${basename(path)} is not an absolute path to a .sprintpad or Markdown file`)
    }
    const clean = normalize(path)
    const entry: RecentDocument = { path: clean, name: basename(clean), openedAt: this.#now() }
    const rest = (await this.list()).filter((doc) => doc.path !== clean)
    const next = [entry, ...rest].slice(0, this.#max)
    await writeFileAtomic(this.#file, JSON.stringify(next, null, 2))
    this.#onAdd?.(clean)
    return next
  }

  /** Reads a file of the list (and moves it to the top); refuses paths not on it. */
  async open(path: string): Promise<OpenedFile> {
    const known = (await this.list()).some((doc) => doc.path === path)
    if (!known) throw new Error(`${basename(path)} is not in the recent documents`)
    const file = await readOpenedFile(path)
    await this.add(path)
    return file
  }
}

function isRecentDocument(value: unknown): value is RecentDocument {
  if (typeof value !== 'object' || value === null) return false
  const { path, name, openedAt } = value as Record<string, unknown>
  return typeof path === 'string' && typeof name === 'string' && typeof openedAt === 'number'
}
