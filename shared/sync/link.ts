import { digest } from 'lib0/hash/sha256'
import { decodeBase32, encodeBase32 } from './base32'
import { MAX_CODE_SERVER_TEXT, decodeCodeServer, encodeCodeServer } from './code-server'
import { fail, type Parsed } from './parsed'
import { SECRET_BYTES, roomForSecret, secretBytes, secretFromBytes } from './room'
import { parseServerUrl } from './server-auth'

export type { Parsed } from './parsed'

/** Everything a laptop needs to join a shared sprint. */
export interface JoinInfo {
  room: string
  secret: string
  /** `ws://` / `wss://` signaling URLs to try (may be empty: then only the user's settings). */
  signaling: string[]
  /**
   * The base address of an always-on Sprintpad server holding the sprint (a normalised
   * {@link parseServerUrl} result), if the sharer uses one; absent in links made before servers.
   */
  server?: string
}

/** The scheme the app registers as protocol handler. */
export const JOIN_SCHEME = 'sprintpad:'

const ID_PATTERN = /^[A-Za-z0-9_-]{22,128}$/
const MAX_SIGNALING_URLS = 8
const MAX_URL_LENGTH = 300

/**
 * The join link `sprintpad://join/<room>?s=<signaling url>&s=…&server=<server url>#<secret>`.
 * The secret sits in the fragment, which apps and servers conventionally do not log or send on.
 * `server` is optional and last: versions that do not know it ignore it (they join by peers only).
 */
export function encodeJoinLink(info: JoinInfo): string {
  const params = info.signaling.map((s) => `s=${encodeURIComponent(s)}`)
  if (info.server !== undefined) params.push(`server=${encodeURIComponent(info.server)}`)
  const query = params.join('&')
  return `sprintpad://join/${info.room}${query ? `?${query}` : ''}#${info.secret}`
}

/** Parses a join link; checks the room, the secret, every signaling URL and the server address. */
export function parseJoinLink(text: string): Parsed<JoinInfo> {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return fail('This is not a Sprintpad join link.')
  }
  if (url.protocol !== JOIN_SCHEME || url.hostname !== 'join') {
    return fail('A join link starts with sprintpad://join/.')
  }
  const room = url.pathname.replace(/^\//, '')
  if (!ID_PATTERN.test(room)) return fail('The room id in the link is missing or malformed.')
  const secret = url.hash.replace(/^#/, '')
  if (!ID_PATTERN.test(secret)) {
    return fail('The link has no valid secret after “#” (was the end of it cut off?).')
  }
  const signaling = parseSignalingUrls(url.searchParams.getAll('s'))
  if (!signaling.ok) return signaling
  const servers = url.searchParams.getAll('server')
  if (servers.length > 1) return fail('The link names more than one server.')
  if (servers[0] === undefined)
    return { ok: true, value: { room, secret, signaling: signaling.value } }
  const server = parseServerUrl(servers[0])
  if (!server.ok) return server
  return { ok: true, value: { room, secret, signaling: signaling.value, server: server.value } }
}

/** Checks signaling URLs: `ws:` or `wss:` only, at most 8, each of sane length. */
export function parseSignalingUrls(urls: readonly string[]): Parsed<string[]> {
  if (urls.length > MAX_SIGNALING_URLS) return fail('Too many signaling servers in the link.')
  const out: string[] = []
  for (const raw of urls) {
    let u: URL
    try {
      u = new URL(raw)
    } catch {
      return fail(`“${raw.slice(0, 60)}” is not a signaling server address.`)
    }
    if ((u.protocol !== 'ws:' && u.protocol !== 'wss:') || raw.length > MAX_URL_LENGTH) {
      return fail(`A signaling server address must start with ws:// or wss://.`)
    }
    if (u.username || u.password) return fail('A signaling server address has no user name.')
    out.push(u.href.replace(/\/$/, ''))
  }
  return { ok: true, value: [...new Set(out)] }
}

/**
 * A short code for the same room, to type from a projector: the 128-bit secret, plus the first
 * `ws://<IPv4>:<port>` signaling URL when there is one, plus a check byte, in Crockford base32
 * grouped by four (`7KQ4-…`). The room id is derived from the secret, so it is not carried.
 * Other signaling URLs (a team server with a host name) come from the joiner's settings.
 *
 * With a server (`info.server`) the code is longer: secret, a flags byte, the LAN address if any,
 * the server address ({@link encodeCodeServer}: 6 bytes for an IPv4 host, else its host and path
 * as text, padded so that the code is never the length of a code without server), check byte.
 * Codes without a server are unchanged, so older versions still read them; a server address
 * whose host and path exceed {@link MAX_CODE_SERVER_TEXT} characters is left out (the link
 * carries it).
 */
export function encodeJoinCode(info: JoinInfo): string {
  const secret = secretBytes(info.secret)
  if (!secret || roomForSecret(info.secret) !== info.room) {
    throw new Error('Only rooms created by Sprintpad have a short code.')
  }
  const address = info.signaling.map(ipv4Address).find((a) => a !== undefined)
  const server = info.server === undefined ? undefined : encodeCodeServer(info.server)
  let payload = new Uint8Array([...secret, ...(address ?? [])])
  if (server) {
    const flags =
      (address ? FLAG.lanAddress : 0) |
      (server.isSecure ? FLAG.secure : 0) |
      (server.isIpv4 ? FLAG.ipv4 : 0)
    const body = [...secret, flags, ...(address ?? []), ...server.bytes]
    while (body.length + 1 < MIN_SERVER_CODE_BYTES) body.push(0)
    payload = new Uint8Array(body)
  }
  const bytes = new Uint8Array([...payload, checkByte(payload)])
  return (encodeBase32(bytes).match(/.{1,4}/g) ?? []).join('-')
}

/** Flags byte of a code carrying a server. */
const FLAG = { lanAddress: 1, secure: 2, ipv4: 4 } as const
/** Codes without server are 17 or 23 bytes; one with a server is padded to at least this. */
const MIN_SERVER_CODE_BYTES = SECRET_BYTES + 8
const MAX_SERVER_CODE_BYTES = SECRET_BYTES + 1 + 6 + 2 + MAX_CODE_SERVER_TEXT + 1

/** Parses a short code (spaces, dashes and case do not matter; O/0 and I/L/1 are forgiven). */
export function parseJoinCode(text: string): Parsed<JoinInfo> {
  const compact = text.replace(/[\s-]/g, '')
  const length = Math.floor((compact.length * 5) / 8)
  const isServerCode = length >= MIN_SERVER_CODE_BYTES && length <= MAX_SERVER_CODE_BYTES
  const bytes =
    length === SECRET_BYTES + 7 || length === SECRET_BYTES + 1 || isServerCode
      ? decodeBase32(compact, length)
      : undefined
  if (!bytes) return fail('This is not a Sprintpad code (it should look like 7KQ4-…).')
  const payload = bytes.subarray(0, length - 1)
  if (checkByte(payload) !== bytes[length - 1]) {
    return fail('The code has a typo (its check character does not match).')
  }
  const secret = secretFromBytes(payload.subarray(0, SECRET_BYTES))
  const room = roomForSecret(secret)
  if (!isServerCode) {
    const signaling = length === SECRET_BYTES + 7 ? [addressUrl(payload.subarray(16))] : []
    return { ok: true, value: { room, secret, signaling } }
  }
  const flags = payload[SECRET_BYTES] ?? 0
  const rest = payload.subarray(SECRET_BYTES + 1)
  const hasLan = (flags & FLAG.lanAddress) !== 0
  const serverBytes = [...rest.subarray(hasLan ? 6 : 0)]
  const isIpv4 = (flags & FLAG.ipv4) !== 0
  const server = decodeCodeServer({
    isSecure: (flags & FLAG.secure) !== 0,
    isIpv4,
    bytes: isIpv4 ? serverBytes.slice(0, 6) : serverBytes,
  })
  if (server === undefined) return fail('The server address in this code is not valid.')
  const signaling = hasLan ? [addressUrl(rest.subarray(0, 6))] : []
  return { ok: true, value: { room, secret, signaling, server } }
}

/** Parses what a person pasted or typed into “Join a sprint”: a link or a short code. */
export function parseJoinInput(text: string): Parsed<JoinInfo> {
  const trimmed = text.trim()
  if (trimmed === '') return fail('Paste a join link or type a code.')
  // Anything with a scheme is a link attempt; a code has no colon.
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? parseJoinLink(trimmed) : parseJoinCode(trimmed)
}

function ipv4Address(url: string): number[] | undefined {
  const m = /^ws:\/\/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/.exec(url)
  if (!m) return undefined
  const parts = m.slice(1, 5).map(Number)
  const port = Number(m[5])
  if (parts.some((p) => p > 255) || port < 1 || port > 65535) return undefined
  return [...parts, port >> 8, port & 0xff]
}

function addressUrl(b: Uint8Array): string {
  return `ws://${b[0]}.${b[1]}.${b[2]}.${b[3]}:${((b[4] ?? 0) << 8) | (b[5] ?? 0)}`
}

function checkByte(payload: Uint8Array): number {
  return digest(payload)[0] ?? 0
}
