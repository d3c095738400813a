import type { OpenedFile } from '../../../shared/ipc/types'
import type { DroppedFiles } from './types'

/** The extensions Sprintpad opens; kept equal to main/opened-file.ts. */
export const SPRINT_EXTENSION = '.sprintpad'
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown']

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot).toLowerCase()
}

/** Whether a file name is a .sprintpad file. */
export function isSprintFileName(name: string): boolean {
  return extensionOf(name) === SPRINT_EXTENSION
}

/** Whether a file name is a Markdown file. */
export function isMarkdownFileName(name: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(extensionOf(name))
}

/** Reads a browser `File` as the bridge would: bytes for .sprintpad, text for Markdown. */
export async function readBrowserFile(file: File): Promise<OpenedFile | null> {
  if (isSprintFileName(file.name)) {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
  }
  if (isMarkdownFileName(file.name)) {
    return { name: file.name, text: new TextDecoder('utf-8').decode(await file.arrayBuffer()) }
  }
  return null
}

/** Reads one dropped file; `null` when it is not a .sprintpad or Markdown file. */
export type DroppedFileReader = (file: File) => Promise<OpenedFile | null>

/**
 * Reads the .sprintpad and Markdown files of a drop, in order, with `read` (in the page by
 * default); other files, and files `read` refuses or fails on, are named in `skipped`.
 */
export async function readDropped(
  files: Iterable<File>,
  read: DroppedFileReader = readBrowserFile,
): Promise<DroppedFiles> {
  const dropped: DroppedFiles = { files: [], skipped: [] }
  for (const file of files) {
    const isOpenable = isSprintFileName(file.name) || isMarkdownFileName(file.name)
    const opened = isOpenable ? await read(file).catch(() => null) : null
    if (opened) dropped.files.push(opened)
    else dropped.skipped.push(file.name)
  }
  return dropped
}
