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

/**
 * Reads the .sprintpad and Markdown files of a drop, in order; other files (and unreadable ones)
 * are named in `skipped`. `onRead` is told about each file that was read.
 */
export async function readDropped(
  files: Iterable<File>,
  onRead: (file: File) => Promise<unknown> = async () => undefined,
): Promise<DroppedFiles> {
  const dropped: DroppedFiles = { files: [], skipped: [] }
  for (const file of files) {
    const read = await readBrowserFile(file).catch(() => null)
    if (!read) {
      dropped.skipped.push(file.name)
      continue
    }
    dropped.files.push(read)
    await onRead(file)
  }
  return dropped
}
