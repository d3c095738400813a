/** Plain data that crosses the bridge (no zod here: the preload bundles this file). */

/** A file the user saved; `null` from a save call means the dialog was cancelled. */
export interface SavedFile {
  /** The file's base name (never the full path: the renderer does not need it). */
  name: string
}

/** A .sprintpad file read by main. */
export interface OpenedSprintFile {
  name: string
  bytes: Uint8Array
}

/** A Markdown file read by main. */
export interface OpenedMarkdownFile {
  name: string
  text: string
}

/** A file main hands to the renderer (dialog, association, recent list). */
export type OpenedFile = OpenedSprintFile | OpenedMarkdownFile

/**
 * One entry of the recent-documents list (the list is newest first, without duplicates, at most
 * ten). `path` is absolute and names a .sprintpad or Markdown file the user opened, saved or
 * dropped; only these paths can be reopened with `file:openRecent`. Paths get on the list only
 * from main-side events (a dialog the user answered, a file the OS opened, a real dropped `File`
 * read through `file:openDropped`): no channel lets the renderer add a path of its choosing.
 */
export interface RecentDocument {
  path: string
  name: string
  openedAt: number
}

/**
 * One stored backup of a sprint. `id` is `<sprintId>/<createdAt>-<16 hex of its SHA-256>`;
 * `createdAt` is in ms since the epoch; `ok` is false when the bytes fail their checksum or do
 * not decode as a .sprintpad file, and such a backup is never restored.
 */
export interface BackupInfo {
  id: string
  createdAt: number
  size: number
  ok: boolean
  title: string
}

/** The sync room of a sprint, stored encrypted by main. */
export interface RoomSecret {
  room: string
  secret: string
}

/** What `app:getInfo` answers. */
export interface AppInfo {
  version: string
  platform: 'darwin' | 'win32' | 'linux' | 'other'
}

/** Commands the native menu sends to the renderer, which owns the documents. */
export const MENU_COMMANDS = [
  'newSprint',
  'startNextSprint',
  'openSprint',
  'importMarkdown',
  'exportMarkdown',
  'toggleExportPanel',
  'copyTeamComment',
  'saveCopyAs',
  'restoreBackup',
] as const

/** One menu command. */
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Channels of the events main sends to the renderer, with their payloads. */
export interface EventPayloads {
  'menu:runCommand': MenuCommand
  'file:deliverFile': OpenedFile
  'link:deliverLink': string
}
