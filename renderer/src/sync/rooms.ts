import {
  encodeJoinCode,
  encodeJoinLink,
  generateRoom,
  parseServerUrl,
  parseSignalingUrls,
  roomForSecret,
  secretBytes,
  type JoinInfo,
  type RoomKey,
} from '../../../shared/sync'
import type { Platform } from '../platform/types'

/** The platform calls sync needs (main on the desktop; IndexedDB fallbacks in a browser). */
export type SyncPlatform = Pick<
  Platform,
  | 'getRoom'
  | 'setRoom'
  | 'clearRoom'
  | 'startLanSignaling'
  | 'stopLanSignaling'
  | 'canServeLanSignaling'
>

/** What the share panel shows. */
export interface ShareDetails extends JoinInfo {
  link: string
  /** The short code, when the room is one of ours (its id derives from its secret). */
  code: string | undefined
  /** Whether this laptop serves signaling on the LAN (desktop app). */
  isServingLan: boolean
}

const SIGNALING_KEY = 'sprintpad.sync.signaling.'
const SERVER_KEY = 'sprintpad.sync.server.'

/** The always-on server remembered for a sprint (from its join link), or `''`. */
export function rememberedServer(sprintId: string, storage: Storage = localStorage): string {
  const raw = storage.getItem(SERVER_KEY + sprintId)
  const parsed = raw === null ? undefined : parseServerUrl(raw)
  return parsed?.ok ? parsed.value : ''
}

/** Remembers the server a sprint was joined through (not secret: an address). */
export function rememberServer(
  sprintId: string,
  server: string,
  storage: Storage = localStorage,
): void {
  storage.setItem(SERVER_KEY + sprintId, server)
}

/**
 * Signaling URLs remembered for a sprint (from the join link), so rejoining later needs no link.
 * Only server addresses: not secret, so localStorage is fine.
 */
export function rememberedSignaling(sprintId: string, storage: Storage = localStorage): string[] {
  try {
    const parsed = parseSignalingUrls(JSON.parse(storage.getItem(SIGNALING_KEY + sprintId) ?? '[]'))
    return parsed.ok ? parsed.value : []
  } catch {
    return []
  }
}

export function rememberSignaling(
  sprintId: string,
  urls: readonly string[],
  storage: Storage = localStorage,
): void {
  storage.setItem(SIGNALING_KEY + sprintId, JSON.stringify(urls.slice(0, 8)))
}

/** The sprint's stored room, if it is shared (validated: a bad record reads as not shared). */
export async function storedRoom(
  platform: SyncPlatform,
  sprintId: string,
): Promise<RoomKey | undefined> {
  const r = await platform.getRoom({ sprintId })
  if (!r || !/^[A-Za-z0-9_-]{22,128}$/.test(r.room) || !/^[A-Za-z0-9_-]{22,128}$/.test(r.secret)) {
    return undefined
  }
  return { room: r.room, secret: r.secret }
}

/**
 * "Share this sprint": reuses the sprint's room or makes a new one (random 128-bit secret), stores
 * it through the platform, starts the LAN signaling server where there is one, and returns the
 * link and code. Signaling URLs: this laptop's LAN server first, then remembered ones and the
 * settings' extra servers; the always-on server: the sprint's remembered one, else the settings'.
 */
export async function shareSprint(
  platform: SyncPlatform,
  sprintId: string,
  settings: { extraSignaling: readonly string[]; server: string },
  storage: Storage = localStorage,
): Promise<ShareDetails> {
  const key = (await storedRoom(platform, sprintId)) ?? generateRoom()
  await platform.setRoom({ sprintId, ...key })
  let lan: string[] = []
  if (platform.canServeLanSignaling) lan = (await platform.startLanSignaling()).urls
  const signaling = [
    ...new Set([...lan, ...rememberedSignaling(sprintId, storage), ...settings.extraSignaling]),
  ]
  // The server the sprint was joined through wins over the one in settings: it holds the sprint.
  const server = rememberedServer(sprintId, storage) || settings.server
  return details({ ...key, signaling, ...(server ? { server } : {}) }, lan.length > 0)
}

/** Builds the link and (when possible) the short code for a room. */
export function details(info: JoinInfo, isServingLan: boolean): ShareDetails {
  const hasCode = secretBytes(info.secret) !== undefined && roomForSecret(info.secret) === info.room
  return {
    ...info,
    link: encodeJoinLink(info),
    code: hasCode ? encodeJoinCode(info) : undefined,
    isServingLan,
  }
}

/** "Stop sharing": forgets the room (a later share makes a new one) and the LAN server. */
export async function stopSharing(platform: SyncPlatform, sprintId: string): Promise<void> {
  await platform.clearRoom({ sprintId })
  if (platform.canServeLanSignaling) await platform.stopLanSignaling()
}
