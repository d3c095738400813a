import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { createSprint, readSprint } from '../../../shared/doc'
import { generateRoom, serverCredentials } from '../../../shared/sync'
import { parseServerArgs } from '../../../main/server/cli'
import { health, startServerProcess } from '../../helpers/server-process'
import { connectClient } from '../../helpers/sync-client'

// Real server processes on a shared, busy machine: allow more than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const ROOT = resolve(import.meta.dirname, '../../..')

interface ComposeService {
  build?: string
  image?: string
  command?: string[]
  ports?: string[]
  environment?: Record<string, string>
  depends_on?: Record<string, { condition: string }>
  healthcheck?: { test: string[] }
}

/** The Dockerfile's instructions of the final stage, as [keyword, rest]. */
async function finalStage(): Promise<[string, string][]> {
  const text = await readFile(resolve(ROOT, 'Dockerfile'), 'utf8')
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l): [string, string] => {
      const [keyword = '', ...rest] = l.trim().split(/\s+/)
      return [keyword.toUpperCase(), rest.join(' ')]
    })
  const lastFrom = lines.map(([k]) => k).lastIndexOf('FROM')
  expect(
    lines.filter(([k, rest]) => k === 'FROM' && /^node:20[\w.-]*-slim/.test(rest)),
  ).toHaveLength(2)
  return lines.slice(lastFrom)
}

describe('deployment files (docker cannot run here: parsed and checked instead)', () => {
  it('compose.yaml runs two servers sharing Redis and PostgreSQL', async () => {
    // Compose resolves YAML merge keys (<<: *server), as `merge: true` does here.
    const compose = parse(await readFile(resolve(ROOT, 'compose.yaml'), 'utf8'), {
      merge: true,
    }) as {
      services: Record<string, ComposeService>
    }
    const { services } = compose
    expect(Object.keys(services).sort()).toEqual(['postgres', 'redis', 'server-1', 'server-2'])
    const ports = new Set<string>()
    const stage = await finalStage()
    const entrypoint = JSON.parse(stage.find(([k]) => k === 'ENTRYPOINT')?.[1] ?? '[]') as string[]
    for (const name of ['server-1', 'server-2']) {
      const s = services[name] as ComposeService
      expect(s.build).toBe('.')
      expect(s.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      })
      for (const p of s.ports ?? []) ports.add(p.split(':')[0] ?? '')
      // The image's arguments plus the service's, with its environment, are valid options.
      const options = parseServerArgs([...entrypoint.slice(2), ...(s.command ?? [])], s.environment)
      expect(options).toMatchObject({ instance: name, port: 4455, dataDir: '/data' })
      if (options === 'help') throw new Error('unexpected help')
      expect(new URL(options.databaseUrl ?? '').hostname).toBe('postgres')
      expect(new URL(options.redisUrl ?? '').hostname).toBe('redis')
    }
    expect(ports.size).toBe(2)
    expect(services.postgres?.image).toMatch(/^postgres:15/)
    expect(services.redis?.image).toMatch(/^redis:/)
    expect(services.postgres?.healthcheck?.test).toContain('pg_isready')
  })

  it('the Dockerfile runs the built server as a non-root user with a data volume', async () => {
    const stage = await finalStage()
    const keywords = stage.map(([k]) => k)
    const user = stage.find(([k]) => k === 'USER')?.[1]
    expect(user).toBe('node')
    expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('ENTRYPOINT'))
    expect(stage.find(([k]) => k === 'VOLUME')?.[1]).toContain('/data')
    const entrypoint = JSON.parse(stage.find(([k]) => k === 'ENTRYPOINT')?.[1] ?? '[]') as string[]
    expect(entrypoint.slice(0, 2)).toEqual(['node', 'out/server/sprintpad-server.js'])
  })

  it('the image’s entry point (npm run build:server) runs under plain Node', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(build.status, build.stderr).toBe(0)
    const data = await mkdtemp(join(tmpdir(), 'sprintpad-bundle-'))
    const server = await startServerProcess(['--data', data], {}, 'out/server/sprintpad-server.js')
    try {
      const { room, secret } = generateRoom()
      const { documentName, token } = serverCredentials(room, secret)
      const c = connectClient(server.base, documentName, token)
      await c.synced()
      createSprint(c.doc, { title: 'Bundled', startDate: '', endDate: '' })
      await c.acknowledged()
      c.close()
      const again = connectClient(server.base, documentName, token)
      await again.synced()
      expect(readSprint(again.doc).meta.title).toBe('Bundled')
      again.close()
      expect(await health(server)).toMatchObject({ status: 'ok', store: { documents: 1 } })
    } finally {
      await server.kill()
      await rm(data, { recursive: true, force: true })
    }
  })
})
