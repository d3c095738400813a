import type { Channel, ChannelRequest } from './contract'
import type {
  AppInfo,
  BackupInfo,
  EventPayloads,
  MenuCommand,
  OpenedFile,
  OpenedMarkdownFile,
  OpenedSprintFile,
  RecentDocument,
  RoomSecret,
  SavedFile,
} from './types'

/*
 * The bridge tables. This file imports only types, so the preload bundles it without zod.
 */

/** Every event channel name. */
export type EventChannel = keyof EventPayloads

/** The event channels, for the preload and audits. */
export const EVENT_CHANNELS = [
  'menu:runCommand',
  'file:deliverFile',
  'link:deliverLink',
] as const satisfies readonly EventChannel[]

/** Something a renderer `File` satisfies; the preload turns it into a path with `webUtils`. */
export interface PickedFile {
  readonly name: string
}

/** Removes a listener added with one of the bridge's `onX` functions. */
export type Unsubscribe = () => void

/**
 * The shape of `window.sprintpad`, the only object the preload exposes. Each function maps to one
 * channel; `on*` functions subscribe to events from main and return an unsubscribe function.
 */
export interface SprintpadBridge {
  saveMarkdown(req: ChannelRequest<'file:saveMarkdown'>): Promise<SavedFile | null>
  saveSprint(req: ChannelRequest<'file:saveSprint'>): Promise<SavedFile | null>
  openSprint(): Promise<OpenedSprintFile | null>
  importMarkdown(): Promise<OpenedMarkdownFile[]>
  openRecent(req: ChannelRequest<'file:openRecent'>): Promise<OpenedFile>
  listRecent(): Promise<RecentDocument[]>
  /**
   * Reads a file the user dropped, through main, and records it as recent. The preload asks
   * `webUtils` for the path of the `File` itself, so the page can never name a path: a `File`
   * built in script has none, and then this answers `null` without calling main.
   */
  openDropped(file: PickedFile): Promise<OpenedFile | null>
  putSnapshot(req: ChannelRequest<'backup:putSnapshot'>): Promise<{ written: boolean }>
  listBackups(req: ChannelRequest<'backup:listBackups'>): Promise<BackupInfo[]>
  restoreBackup(req: ChannelRequest<'backup:restoreBackup'>): Promise<Uint8Array>
  getRoom(req: ChannelRequest<'secrets:getRoom'>): Promise<RoomSecret | null>
  setRoom(req: ChannelRequest<'secrets:setRoom'>): Promise<null>
  clearRoom(req: ChannelRequest<'secrets:clearRoom'>): Promise<null>
  startLanSignaling(): Promise<{ urls: string[] }>
  stopLanSignaling(): Promise<null>
  writeClipboard(req: ChannelRequest<'clipboard:writeText'>): Promise<null>
  getAppInfo(): Promise<AppInfo>
  onMenuCommand(cb: (command: MenuCommand) => void): Unsubscribe
  onOpenFile(cb: (file: OpenedFile) => void): Unsubscribe
  onOpenLink(cb: (url: string) => void): Unsubscribe
}

/**
 * Which channel each bridge function invokes. The preload is built from this table and the audit
 * test checks both directions (every function has a channel, every channel a function).
 */
export const BRIDGE_CHANNELS = {
  saveMarkdown: 'file:saveMarkdown',
  saveSprint: 'file:saveSprint',
  openSprint: 'file:openSprint',
  importMarkdown: 'file:importMarkdown',
  openRecent: 'file:openRecent',
  listRecent: 'recent:listDocuments',
  openDropped: 'file:openDropped',
  putSnapshot: 'backup:putSnapshot',
  listBackups: 'backup:listBackups',
  restoreBackup: 'backup:restoreBackup',
  getRoom: 'secrets:getRoom',
  setRoom: 'secrets:setRoom',
  clearRoom: 'secrets:clearRoom',
  startLanSignaling: 'sync:startLanSignaling',
  stopLanSignaling: 'sync:stopLanSignaling',
  writeClipboard: 'clipboard:writeText',
  getAppInfo: 'app:getInfo',
} as const satisfies Record<Exclude<keyof SprintpadBridge, `on${string}`>, Channel>

/** Which event channel each `on*` bridge function listens to. */
export const BRIDGE_EVENTS = {
  onMenuCommand: 'menu:runCommand',
  onOpenFile: 'file:deliverFile',
  onOpenLink: 'link:deliverLink',
} as const satisfies Record<Extract<keyof SprintpadBridge, `on${string}`>, EventChannel>

/** The name of the global the preload defines. */
export const BRIDGE_GLOBAL = 'sprintpad'
