import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint, readSprint } from '../../../shared/doc'
import { generateRoom, serverCredentials } from '../../../shared/sync'
import { SqliteStore } from '../../../main/server/sqlite-store'
import { health, type ServerProcess } from '../../helpers/server-process'
import {
  freePort,
  hasCommand,
  missingBinary,
  startOwnRedis,
  type OwnRedis,
} from '../../helpers/services'
import { serverKit } from '../../helpers/server-kit'
import type { SyncClient } from '../../helpers/sync-client'
import { waitFor } from '../../helpers/wait'

// Real server and Redis processes on a shared, busy machine: allow more than the default 30 s.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 })

// Always a redis-server of the test's own (never `.ci/run`'s shared one): this test kills it.
const noRedis = missingBinary('redis-server', hasCommand('redis-server'))
if (noRedis) console.warn(`skipping the Redis outage test: ${noRedis}`)

const { cleanups, server, dataDir, client } = serverKit('sprintpad-outage-')

function textsOf(doc: Y.Doc): string[] {
  return readSprint(doc).teams.flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.text)))
}

const texts = (c: SyncClient): string[] => textsOf(c.doc)

/** What instance `dir`'s own SQLite store holds of the sprint, read beside the running server. */
async function storedTexts(dir: string, documentName: string): Promise<string[]> {
  const store = new SqliteStore(dir)
  await store.open()
  try {
    const doc = new Y.Doc()
    const state = await store.load(documentName)
    if (state) Y.applyUpdate(doc, state)
    return textsOf(doc)
  } finally {
    await store.close()
  }
}

/** Updates of the sprint still in instance `dir`'s log, not yet folded into its snapshot. */
function unfoldedUpdates(dir: string, documentName: string): number {
  const db = new BetterSqlite3(join(dir, 'sprintpad.sqlite3'), { readonly: true })
  try {
    const row = db
      .prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM sprintpad_updates WHERE name = ?',
      )
      .get(documentName)
    return row?.n ?? -1
  } finally {
    db.close()
  }
}

const events = (s: ServerProcess, event: string): number =>
  s.logs.filter((line) => line.event === event).length

describe.skipIf(noRedis !== undefined)('sprintpad-server: a Redis outage', () => {
  it('keeps an instance’s own clients syncing and storing, says so, and shares again after', async () => {
    let redis: OwnRedis = await startOwnRedis()
    cleanups.push(() => redis.stop())
    const dirA = await dataDir()
    const a = await server(['--data', dirA, '--redis', redis.url, '--name', 'a'])
    const b = await server(['--data', await dataDir(), '--redis', redis.url, '--name', 'b'])
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)

    // Before the outage: Ana writes through a, Ben sees it on b; then Ana leaves, and a unloads
    // the sprint (it keeps it in its own store), so her return below loads it during the outage.
    const first = client(a.base, documentName, token)
    const ben = client(b.base, documentName, token)
    await Promise.all([first.synced(), ben.synced()])
    createSprint(first.doc, { title: 'Outage', startDate: '', endDate: '' })
    const teamId = addTeam(first.doc, { name: 'Web' })
    addItem(first.doc, { teamId, section: 'high', text: 'before the outage' })
    await first.acknowledged()
    await waitFor('Ana’s edit on b', () => texts(ben).includes('before the outage'), 60_000)
    first.close()
    await waitFor('a to unload the sprint', async () => (await health(a)).rooms === 0, 30_000)

    await redis.kill()
    await waitFor('a to report Redis down', async () => (await health(a)).status === 'degraded')
    const down = await health(a)
    expect(down).toMatchObject({ status: 'degraded', redis: { isShared: false } })
    expect((down.redis as { status: string }).status).not.toBe('ready')

    // Two clients of a open the sprint (a loads it now) and sync with each other through a.
    const ana = client(a.base, documentName, token)
    const cleo = client(a.base, documentName, token)
    await Promise.all([ana.synced(), cleo.synced()])
    expect(texts(cleo)).toContain('before the outage')
    addItem(ana.doc, { teamId, section: 'high', text: 'typed on a during the outage' })
    await waitFor('Ana’s edit reaching Cleo through a', () =>
      texts(cleo).includes('typed on a during the outage'),
    )
    addItem(cleo.doc, { teamId, section: 'low', text: 'Cleo’s answer on a' })
    await waitFor('Cleo’s edit reaching Ana', () => texts(ana).includes('Cleo’s answer on a'))
    await Promise.all([ana.acknowledged(), cleo.acknowledged()])
    expect((await storedTexts(dirA, documentName)).sort()).toEqual(
      ['Cleo’s answer on a', 'before the outage', 'typed on a during the outage'].sort(),
    )
    // Meanwhile on b, alone as well.
    addItem(ben.doc, { teamId, section: 'high', text: 'typed on b during the outage' })
    await ben.acknowledged()
    expect(events(a, 'redis_down')).toBe(1)
    expect(events(a, 'redis_up')).toBe(0)

    // Redis returns on the same address: both instances reconnect by themselves and exchange
    // what each missed, without anyone typing again.
    redis = await startOwnRedis(redis.port)
    await waitFor('a back on Redis', async () => (await health(a)).status === 'ok', 30_000)
    await waitFor('b back on Redis', async () => (await health(b)).status === 'ok', 30_000)
    await waitFor(
      'a’s outage edits on b',
      () =>
        ['typed on a during the outage', 'Cleo’s answer on a'].every((t) => texts(ben).includes(t)),
      60_000,
    )
    await waitFor(
      'b’s outage edit on a',
      () => texts(ana).includes('typed on b during the outage'),
      60_000,
    )
    addItem(ana.doc, { teamId, section: 'high', text: 'after the outage' })
    await waitFor('a new edit from a on b', () => texts(ben).includes('after the outage'), 60_000)
    expect(readSprint(ben.doc)).toEqual(readSprint(ana.doc))
    expect(events(a, 'redis_down')).toBe(1)
    expect(events(a, 'redis_up')).toBe(1)
    expect(await health(a)).toMatchObject({
      status: 'ok',
      redis: { status: 'ready', isShared: true },
    })

    // Stopped during a second outage, a still folds the open sprint's log into its snapshot and
    // exits cleanly (the Redlock lock before compacting used to wait for Redis: the sprint was
    // left uncompacted when stop gave up waiting for it).
    await Promise.all([ana.acknowledged(), ben.acknowledged()])
    await redis.kill()
    await waitFor(
      'a to report Redis down again',
      async () => (await health(a)).status === 'degraded',
    )
    expect(await a.stop()).toBe(0)
    expect(events(a, 'redis_down')).toBe(2)
    expect(unfoldedUpdates(dirA, documentName)).toBe(0)
    expect((await storedTexts(dirA, documentName)).sort()).toEqual(
      [
        'Cleo’s answer on a',
        'after the outage',
        'before the outage',
        'typed on a during the outage',
        'typed on b during the outage',
      ].sort(),
    )
  })

  it('starts without Redis, serves its clients alone, and shares once Redis appears', async () => {
    const port = await freePort()
    const a = await server(['--data', await dataDir(), '--redis', `redis://127.0.0.1:${port}`])
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    const ana = client(a.base, documentName, token)
    const cleo = client(a.base, documentName, token)
    await Promise.all([ana.synced(), cleo.synced()])
    createSprint(ana.doc, { title: 'Early', startDate: '', endDate: '' })
    const teamId = addTeam(ana.doc, { name: 'Web' })
    addItem(ana.doc, { teamId, section: 'high', text: 'before Redis' })
    await waitFor('Ana’s edit reaching Cleo', () => texts(cleo).includes('before Redis'))
    await waitFor('a to log the outage', () => events(a, 'redis_down') === 1)
    expect(await health(a)).toMatchObject({ status: 'degraded', redis: { isShared: false } })

    const redis = await startOwnRedis(port)
    cleanups.push(() => redis.stop())
    await waitFor('a on Redis', async () => (await health(a)).status === 'ok', 30_000)
    const b = await server(['--data', await dataDir(), '--redis', redis.url])
    const ben = client(b.base, documentName, token)
    await ben.synced()
    await waitFor('Ana’s early edit on b', () => texts(ben).includes('before Redis'), 60_000)
    expect(events(a, 'redis_down')).toBe(1)
    expect(events(a, 'redis_up')).toBe(1)
  })
})
