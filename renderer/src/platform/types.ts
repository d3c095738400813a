import type { SprintpadBridge } from '../../../shared/ipc/bridge'
import type { OpenedFile } from '../../../shared/ipc/types'

/** What {@link Platform.readDroppedFiles} found in a drop: files it read, and names it skipped. */
export interface DroppedFiles {
  files: OpenedFile[]
  /** Names of dropped files that are neither .sprintpad nor Markdown (or could not be read). */
  skipped: string[]
}

/**
 * Every native feature the renderer uses. On the desktop it goes through `window.sprintpad`;
 * in a plain browser it falls back to downloads, file inputs and `navigator.clipboard`, and the
 * desktop-only features (backups, recent documents, LAN signaling) say so: `hasBackups`,
 * `hasRecentDocuments` and `canServeLanSignaling` are false and their calls reject (listing
 * calls answer an empty list).
 */
export interface Platform extends Omit<
  SprintpadBridge,
  'openDropped' | 'writeClipboard' | 'setRoom' | 'clearRoom'
> {
  readonly isDesktop: boolean
  readonly hasBackups: boolean
  readonly hasRecentDocuments: boolean
  readonly canServeLanSignaling: boolean
  /** Copies text (the GitHub comment) to the clipboard; rejects with a readable message. */
  copyText(text: string): Promise<void>
  /**
   * Reads dropped .sprintpad and Markdown files. On the desktop main reads each real `File` by its
   * path (the preload finds it; the page never names one) and records it as recent.
   */
  readDroppedFiles(files: Iterable<File>): Promise<DroppedFiles>
  setRoom(request: { sprintId: string; room: string; secret: string }): Promise<void>
  clearRoom(request: { sprintId: string }): Promise<void>
}
