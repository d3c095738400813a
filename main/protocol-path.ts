import { extname, posix, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-origin'

/** Content types of what Vite emits into out/renderer. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
}

/** The content type to serve a file with (`application/octet-stream` when unknown). */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Where an `app://sprintpad/…` request is answered from. */
export type AppPathResolution =
  { kind: 'file'; path: string; isSpaRoute: boolean } | { kind: 'refused'; reason: string }

/**
 * Maps a request URL of the app protocol to a file under `root`. Refuses other schemes and
 * hosts, undecodable or NUL-containing paths, backslashes, and any `..` segment (even one that
 * would stay inside `root`), so no request can read outside the renderer bundle. A path without
 * an extension is a client-side route: the caller serves index.html when it does not exist.
 */
export function resolveAppPath(root: string, requestUrl: string): AppPathResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { kind: 'refused', reason: 'unparsable URL' }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'refused', reason: 'foreign origin' }
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return { kind: 'refused', reason: 'undecodable path' }
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    return { kind: 'refused', reason: 'forbidden character in path' }
  }
  if (decoded.split('/').some((segment) => segment === '..')) {
    return { kind: 'refused', reason: 'path traversal' }
  }
  const relative = posix.normalize(decoded).replace(/^\/+/, '')
  const base = resolve(root)
  const path = relative === '' ? resolve(base, 'index.html') : resolve(base, relative)
  if (path !== base && !path.startsWith(base + sep)) {
    return { kind: 'refused', reason: 'path traversal' }
  }
  return { kind: 'file', path, isSpaRoute: extname(relative) === '' }
}
