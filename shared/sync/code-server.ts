import { parseServerUrl } from './server-auth'

/**
 * A server address as bytes for the short join code, and back. Two forms, told apart by a flag
 * the caller keeps: an IPv4 host as 4 bytes + port (2 bytes, big endian), or a port (2 bytes) then
 * the host and path prefix as ASCII. Port 0 means the scheme's default. The caller records `wss`.
 */
export interface CodeServer {
  isSecure: boolean
  isIpv4: boolean
  bytes: number[]
}

/** Longest host + path a code carries; a longer address is left out of the code. */
export const MAX_CODE_SERVER_TEXT = 64

/** The code form of a normalised server address, or `undefined` if it does not fit in a code. */
export function encodeCodeServer(server: string): CodeServer | undefined {
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return undefined
  }
  const isSecure = url.protocol === 'wss:'
  const port = url.port === '' ? 0 : Number(url.port)
  const portBytes = [port >> 8, port & 0xff]
  const path = url.pathname.replace(/\/+$/, '')
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(url.hostname)
  if (ipv4 && path === '') {
    return { isSecure, isIpv4: true, bytes: [...ipv4.slice(1, 5).map(Number), ...portBytes] }
  }
  const text = url.hostname + path
  if (text.length > MAX_CODE_SERVER_TEXT || !/^[\x21-\x7e]+$/.test(text)) return undefined
  return {
    isSecure,
    isIpv4: false,
    bytes: [...portBytes, ...[...text].map((c) => c.charCodeAt(0))],
  }
}

/** The server address back from its code form (NUL padding at the end is ignored). */
export function decodeCodeServer(form: CodeServer): string | undefined {
  const b = form.bytes
  const scheme = form.isSecure ? 'wss://' : 'ws://'
  if (form.isIpv4) {
    if (b.length !== 6) return undefined
    return checked(`${scheme}${b.slice(0, 4).join('.')}${port(b[4], b[5])}`)
  }
  const end = b.indexOf(0, 2)
  if (end >= 0 && b.slice(end).some((x) => x !== 0)) return undefined
  const text = String.fromCharCode(...b.slice(2, end < 0 ? undefined : end))
  if (text === '' || !/^[\x21-\x7e]+$/.test(text)) return undefined
  const slash = text.indexOf('/')
  const host = slash < 0 ? text : text.slice(0, slash)
  const path = slash < 0 ? '' : text.slice(slash)
  return checked(`${scheme}${host}${port(b[0], b[1])}${path}`)
}

function port(hi: number | undefined, lo: number | undefined): string {
  const p = ((hi ?? 0) << 8) | (lo ?? 0)
  return p === 0 ? '' : `:${p}`
}

function checked(url: string): string | undefined {
  const parsed = parseServerUrl(url)
  return parsed.ok ? parsed.value : undefined
}
