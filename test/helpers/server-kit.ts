import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { startServerProcess, type ServerProcess } from './server-process'
import { connectClient, type SyncClient } from './sync-client'

/**
 * What the server-process tests start, each stopped after every test (clients first, then the
 * rest in reverse order of starting): server processes, data directories named `prefix…`, sync
 * clients, and anything else registered with `cleanups.push`. Call once at a test file's top.
 */
export function serverKit(prefix: string) {
  const cleanups: (() => Promise<unknown>)[] = []
  const clients: SyncClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close()
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  return {
    cleanups,
    async server(args: string[]): Promise<ServerProcess> {
      const s = await startServerProcess(args)
      cleanups.push(() => s.kill())
      return s
    },
    async dataDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      cleanups.push(() => rm(dir, { recursive: true, force: true }))
      return dir
    },
    client(...args: Parameters<typeof connectClient>): SyncClient {
      const c = connectClient(...args)
      clients.push(c)
      return c
    },
  }
}
