import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { MAX_FILE_BYTES } from '../shared/ipc/schemas'
import type { OpenedFile } from '../shared/ipc/types'

/** The file types Sprintpad opens. */
export const SPRINT_EXTENSION = '.sprintpad'
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const

/** Whether main may open this path (by extension): a .sprintpad or a Markdown file. */
export function isOpenablePath(path: string): boolean {
  const ext = extname(path).toLowerCase()
  return ext === SPRINT_EXTENSION || (MARKDOWN_EXTENSIONS as readonly string[]).includes(ext)
}

/**
 * Reads a .sprintpad (as bytes) or Markdown file (as UTF-8 text) for the renderer. Refuses other
 * extensions, folders and files over the bridge's size limit with a message naming the file.
 */
export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const name = basename(path)
  if (!isOpenablePath(path)) throw new Error(`${name} is not a .sprintpad or Markdown file`)
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) throw new Error(`${name} does not exist or is not a file`)
  if (info.size > MAX_FILE_BYTES) throw new Error(`${name} is larger than 64 MiB`)
  const data = await readFile(path)
  if (extname(path).toLowerCase() === SPRINT_EXTENSION) return { name, bytes: new Uint8Array(data) }
  return { name, text: new TextDecoder('utf-8').decode(data) }
}

/** Appends `extension` unless the name already ends with it (case-insensitively). */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension.toLowerCase()) ? name : `${name}${extension}`
}
