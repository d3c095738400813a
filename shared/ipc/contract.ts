import { z } from 'zod'
import {
  backupIdSchema,
  bytesSchema,
  emptySchema,
  pathSchema,
  sprintIdSchema,
  suggestedNameSchema,
  textSchema,
} from './schemas'
import type {
  AppInfo,
  BackupInfo,
  OpenedFile,
  OpenedMarkdownFile,
  OpenedSprintFile,
  RecentDocument,
  RoomSecret,
  SavedFile,
} from './types'

/**
 * The one contract between the renderer and main. Every invokable channel is named
 * `namespace:verbNoun`, has a zod schema for its request (checked by main before the handler
 * runs) and a typed response ({@link ChannelResponses}). Only plain data crosses: strings,
 * numbers, booleans, plain objects, arrays and `Uint8Array`s — never Y types.
 */
export const channels = {
  'file:saveMarkdown': z.object({ suggestedName: suggestedNameSchema, text: textSchema }).strict(),
  'file:saveSprint': z.object({ suggestedName: suggestedNameSchema, bytes: bytesSchema }).strict(),
  'file:openSprint': emptySchema,
  'file:importMarkdown': emptySchema,
  'file:openRecent': z.object({ path: pathSchema }).strict(),
  // Sent only by the preload's `openDropped`, with the path `webUtils` gives for a real File.
  'file:openDropped': z.object({ path: pathSchema }).strict(),
  'recent:listDocuments': emptySchema,
  'backup:putSnapshot': z
    .object({ sprintId: sprintIdSchema, title: z.string().max(500), bytes: bytesSchema })
    .strict(),
  'backup:listBackups': z.object({ sprintId: sprintIdSchema }).strict(),
  'backup:restoreBackup': z.object({ backupId: backupIdSchema }).strict(),
  'secrets:getRoom': z.object({ sprintId: sprintIdSchema }).strict(),
  'secrets:setRoom': z
    .object({
      sprintId: sprintIdSchema,
      room: z.string().min(1).max(500),
      secret: z.string().min(1).max(500),
    })
    .strict(),
  'secrets:clearRoom': z.object({ sprintId: sprintIdSchema }).strict(),
  'sync:startLanSignaling': emptySchema,
  'sync:stopLanSignaling': emptySchema,
  'clipboard:writeText': z.object({ text: textSchema }).strict(),
  'app:getInfo': emptySchema,
} as const

/** Every invokable channel name. */
export type Channel = keyof typeof channels

/** The validated request of a channel. */
export type ChannelRequest<C extends Channel> = z.infer<(typeof channels)[C]>

/** All channel names, for registration loops and audits. */
export const CHANNEL_NAMES = Object.keys(channels) as Channel[]

/** `namespace:verbNoun`: lower-case namespace, a verb, then a capitalised noun. */
export const CHANNEL_NAME_PATTERN = /^[a-z]+:[a-z]+[A-Z][A-Za-z]*$/

/** Whether `name` is one of the contract's invokable channels. */
export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channels, name)
}

/** The response of each channel. Adding a channel without a response here fails to compile. */
export interface ChannelResponses {
  'file:saveMarkdown': SavedFile | null
  'file:saveSprint': SavedFile | null
  'file:openSprint': OpenedSprintFile | null
  'file:importMarkdown': OpenedMarkdownFile[]
  'file:openRecent': OpenedFile
  'file:openDropped': OpenedFile
  'recent:listDocuments': RecentDocument[]
  'backup:putSnapshot': { written: boolean }
  'backup:listBackups': BackupInfo[]
  'backup:restoreBackup': Uint8Array
  'secrets:getRoom': RoomSecret | null
  'secrets:setRoom': null
  'secrets:clearRoom': null
  'sync:startLanSignaling': { urls: string[] }
  'sync:stopLanSignaling': null
  'clipboard:writeText': null
  'app:getInfo': AppInfo
}

/** The response type of a channel. */
export type ChannelResponse<C extends Channel> = ChannelResponses[C]

export type { SprintpadBridge } from './bridge'
