import { createServer, type Server } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'
import type { AddressInfo } from 'node:net'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** The built renderer (see `npm run build:web`). */
export const RENDERER_DIST = resolve(import.meta.dirname, '../../out/renderer')

/**
 * Serves a directory on 127.0.0.1 (random port) as a single-page app: unknown paths get
 * index.html. Returns the origin and a stop function.
 */
export async function serveStatic(
  root = RENDERER_DIST,
): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      let file = normalize(join(root, path))
      if (!file.startsWith(root)) {
        res.writeHead(403).end()
        return
      }
      const info = await stat(file).catch(() => undefined)
      if (!info || info.isDirectory()) file = join(root, 'index.html')
      try {
        const body = await readFile(file)
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        res.end(body)
      } catch {
        res.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    stop: () =>
      new Promise((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
