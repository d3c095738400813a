import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { contentTypeOf, resolveAppPath } from './protocol-path'

/**
 * The handler of `app://sprintpad/…` (for `protocol.handle`): serves the built renderer from
 * `root` with the CSP and `nosniff`, index.html for client-side routes, 403 for refused paths
 * and 404 for missing files. It never reads outside `root` (see `resolveAppPath`).
 */
export function createAppProtocolHandler(
  root: string,
  csp: string,
): (request: Request) => Promise<Response> {
  const headers = (path: string): Record<string, string> => ({
    'content-type': contentTypeOf(path),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  })
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405 })
    }
    const resolved = resolveAppPath(root, request.url)
    if (resolved.kind === 'refused') return new Response(resolved.reason, { status: 403 })
    let path = resolved.path
    const info = await stat(path).catch(() => null)
    if (!info?.isFile()) {
      if (!resolved.isSpaRoute) return new Response('not found', { status: 404 })
      path = join(root, 'index.html')
    }
    try {
      const body = await readFile(path)
      return new Response(request.method === 'HEAD' ? null : body, { headers: headers(path) })
    } catch {
      return new Response('not found', { status: 404 })
    }
  }
}
