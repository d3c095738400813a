import { digest } from 'lib0/hash/sha256'
import { encodeUtf8 } from 'lib0/string'
import { fail, type Parsed } from './parsed'

/**
 * How a sprint is named and opened on a Sprintpad server, without the server ever seeing the
 * room secret:
 *
 * - the client derives a **token** from the room id and the secret ({@link serverToken});
 * - the **document name** is a one-way hash of that token ({@link serverDocumentName});
 * - the client sends both (the Hocuspocus document name and its `token`); the server recomputes
 *   the name from the token and refuses the connection unless it matches
 *   ({@link isServerTokenFor}).
 *
 * So the server stores only the document name, which is the token's verifier: reading the
 * server's database or logs gives neither the token nor the secret, a wrong token is refused
 * without looking anything up (the same answer whether or not the sprint exists), and nobody can
 * claim a sprint's name before its owner without knowing the secret. The token is a password for
 * the server only: it cannot decrypt the y-webrtc signaling (that key is derived from the secret).
 */

/** Prefix and version of server document names; a new derivation would get a new prefix. */
export const SERVER_DOC_PREFIX = 'sp1-'

const DOC_NAME_PATTERN = /^sp1-[0-9a-f]{64}$/
const TOKEN_PATTERN = /^[0-9a-f]{64}$/

/**
 * The token a client presents to a Sprintpad server for the room: 64 lower-case hex characters,
 * SHA-256 over a domain-separated, length-prefixed copy of room id and secret. Deterministic, so
 * every laptop holding the join link derives the same one; never equal to anything sent to a
 * signaling server.
 */
export function serverToken(room: string, secret: string): string {
  return hex(digest(encodeUtf8(`sprintpad/server-token/v1\u0000${lengthPrefixed(room, secret)}`)))
}

/**
 * The server's document name for a token: `sp1-` and 64 hex characters of SHA-256 over a
 * domain-separated copy of the token. The server computes it from the token it receives, so it
 * never needs to store the token.
 */
export function serverDocumentName(token: string): string {
  return SERVER_DOC_PREFIX + hex(digest(encodeUtf8(`sprintpad/server-doc/v1\u0000${token}`)))
}

/** The name and token a client uses to open the room on a server. */
export interface ServerCredentials {
  /** The Hocuspocus document name (public: the server stores and logs it). */
  documentName: string
  /** The Hocuspocus `token` (a password for this room on servers; never logged or stored). */
  token: string
}

/** Both halves of {@link ServerCredentials} for a room. */
export function serverCredentials(room: string, secret: string): ServerCredentials {
  const token = serverToken(room, secret)
  return { documentName: serverDocumentName(token), token }
}

/**
 * True when `token` opens `documentName`: both well-formed and the name is the token's hash.
 * Compares in constant time over the name's length. Never throws.
 */
export function isServerTokenFor(documentName: string, token: string): boolean {
  if (!DOC_NAME_PATTERN.test(documentName) || !TOKEN_PATTERN.test(token)) return false
  const expected = serverDocumentName(token)
  let diff = 0
  for (let i = 0; i < expected.length; i++)
    diff |= expected.charCodeAt(i) ^ documentName.charCodeAt(i)
  return diff === 0
}

/** True when `name` has the shape of a server document name (says nothing about any token). */
export function isServerDocumentName(name: string): boolean {
  return DOC_NAME_PATTERN.test(name)
}

/** Where a Sprintpad server serves each protocol, below its base address. */
export interface ServerEndpoints {
  /** Hocuspocus (Yjs sync with the always-on copy): `<base>/sync`. */
  sync: string
  /** y-webrtc signaling: `<base>/signaling`. */
  signaling: string
}

/** Path suffixes the server routes WebSocket upgrades by (after any reverse-proxy prefix). */
export const SERVER_PATHS = { sync: '/sync', signaling: '/signaling' } as const

/** The endpoints of a server whose base address passed {@link parseServerUrl}. */
export function serverEndpoints(base: string): ServerEndpoints {
  const trimmed = base.replace(/\/+$/, '')
  return { sync: trimmed + SERVER_PATHS.sync, signaling: trimmed + SERVER_PATHS.signaling }
}

const MAX_SERVER_URL_LENGTH = 300

/**
 * Checks and normalises a server's base address as a person types it: `ws://`, `wss://`, or
 * `http://` / `https://` (turned into `ws://` / `wss://`), a host, an optional port and path
 * prefix (a server behind a reverse proxy at `/sprintpad`); no user name, query or fragment.
 * The result has no trailing slash and is what join links carry.
 */
export function parseServerUrl(raw: string): Parsed<string> {
  const text = raw.trim()
  if (text.length > MAX_SERVER_URL_LENGTH) return fail('That server address is too long.')
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail(`“${text.slice(0, 60)}” is not a server address (try wss://sprint.example.com).`)
  }
  const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol]
  if (scheme === undefined) return fail('A server address starts with wss:// (or ws://).')
  if (url.hostname === '') return fail('The server address has no host name.')
  if (url.username || url.password) return fail('A server address has no user name.')
  if (url.search || url.hash) return fail('A server address has no “?” or “#” part.')
  const path = url.pathname.replace(/\/+$/, '')
  return { ok: true, value: `${scheme}//${url.host}${path}` }
}

function lengthPrefixed(...parts: string[]): string {
  return parts.map((p) => `${p.length}:${p}`).join('\u0000')
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}
