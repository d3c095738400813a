import { readFile, mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { addItem, addTeam, createSprint, editItemText, getItemText } from '../shared/doc'
import { generateRoom, serverCredentials } from '../shared/sync'
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process'
import { hasCommand, startRedis, type Service } from '../test/helpers/services'
import { connectClient, type SyncClient } from '../test/helpers/sync-client'
import { waitFor } from '../test/helpers/wait'
import { addFigure } from './summary'

/**
 * The always-on server under load: ROOMS sprints × CLIENTS people, every person typing into
 * their own item of the sprint, all clients real `@hocuspocus/provider`s in this process (one
 * WebSocket each) on loopback. Measured: keystroke (the typist's edit, before it is sent) → the
 * same character in each other client's copy of the item (its Y.Text observer), p50 / p95; and
 * the server process's CPU (user + system, % of one core, over the typing) and peak RSS.
 *
 * "app" is sprintpad-server (token check, guard, write-ahead append to SQLite, signaling hub);
 * "bare" is `@hocuspocus/server` with no extension (nothing stored, nothing checked). The
 * two-instance runs add Redis (bare: the Redis extension alone), with each room's clients
 * alternating between the instances, so most deliveries cross Redis.
 */
const ROOMS = Number(process.env.SERVER_BENCH_ROOMS ?? 200)
const CLIENTS = Number(process.env.SERVER_BENCH_CLIENTS ?? 5)
/**
 * Each person types one character about this often (±20 %). Scaled down from one a second: at
 * 1000 edits/s the bench's own 1000 clients (one Node process) saturate a core of the shared
 * 2-core machine, and the figures measure that queue instead of the server.
 */
const KEY_INTERVAL_MS = Number(process.env.SERVER_BENCH_KEY_MS ?? 3000)
const TYPING_MS = Number(process.env.SERVER_BENCH_TYPING_MS ?? 20_000)
/**
 * Runs of each pair, in app-bare, bare-app… order; figures are medians over them. The machine
 * is shared (other processes take CPU in bursts): more repeats, steadier ratios.
 */
const REPEAT = Number(process.env.SERVER_BENCH_REPEAT ?? 1)
/** Keystrokes in the first seconds (connections settling) are not counted. */
const WARMUP_MS = 3000
const CONNECT_BATCH = 20

interface Room {
  clients: SyncClient[]
  itemIds: string[]
  /** Per typist, when each of its keystrokes was made (index = text length after it). */
  sent: number[][]
}

interface Result {
  p50: number
  p95: number
  samples: number
  expected: number
  keystrokes: number
  cpuPercent: number
  peakRssMiB: number
  /** CPU of this process (the clients) over the typing, % of a core: near 100 = saturated. */
  clientCpuPercent: number
}

export async function run(): Promise<void> {
  console.log(
    `${ROOMS} rooms × ${CLIENTS} clients, a keystroke per client every ~${KEY_INTERVAL_MS} ms ` +
      `(${((ROOMS * CLIENTS * 1000) / KEY_INTERVAL_MS).toFixed(0)} edits/s in all) for ` +
      `${TYPING_MS / 1000} s, ${REPEAT} run(s) of each (medians); clients and servers share ` +
      "this machine's cores",
  )
  const rows: [string, Result, Result][] = []
  rows.push(['1 instance', ...(await pairs(1))])
  if (hasCommand('redis-server') || process.env.SPRINTPAD_TEST_REDIS_URL) {
    const redis = await startRedis()
    try {
      rows.push(['2 instances + Redis', ...(await pairs(2, redis))])
    } finally {
      await redis.stop()
    }
  } else {
    console.log('redis-server is not installed: the two-instance runs are skipped')
  }
  report(rows)
}

/** REPEAT runs of app and bare, alternating which goes first; the median of each figure. */
async function pairs(instances: 1 | 2, redis?: Service): Promise<[Result, Result]> {
  const app: Result[] = []
  const bare: Result[] = []
  for (let i = 0; i < REPEAT; i++) {
    for (const kind of i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
      const r = await scenario(kind, instances, redis)
      ;(kind === 'app' ? app : bare).push(r)
      console.log(
        `  run ${i + 1} ${kind} ×${instances}: ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms, ` +
          `CPU ${r.cpuPercent.toFixed(1)} %, RSS ${r.peakRssMiB.toFixed(0)} MiB, ` +
          `clients' CPU ${r.clientCpuPercent.toFixed(0)} %, machine load ${loadavg()[0]?.toFixed(1)}`,
      )
    }
  }
  return [medianResult(app), medianResult(bare)]
}

function medianResult(runs: Result[]): Result {
  const m = (pick: (r: Result) => number): number => {
    const sorted = runs.map(pick).sort((a, b) => a - b)
    const mid = sorted.length >> 1
    return sorted.length % 2
      ? (sorted[mid] ?? NaN)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  }
  return {
    p50: m((r) => r.p50),
    p95: m((r) => r.p95),
    samples: m((r) => r.samples),
    expected: m((r) => r.expected),
    keystrokes: m((r) => r.keystrokes),
    cpuPercent: m((r) => r.cpuPercent),
    peakRssMiB: m((r) => r.peakRssMiB),
    clientCpuPercent: m((r) => r.clientCpuPercent),
  }
}

async function scenario(kind: 'app' | 'bare', instances: 1 | 2, redis?: Service): Promise<Result> {
  const dirs: string[] = []
  const servers: ServerProcess[] = []
  const rooms: Room[] = []
  try {
    for (let i = 0; i < instances; i++) {
      const redisArgs = redis ? ['--redis', redis.url] : []
      if (kind === 'app') {
        const dir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-server-'))
        dirs.push(dir)
        servers.push(await startServerProcess(['--data', dir, ...redisArgs]))
      } else {
        servers.push(await startServerProcess(redisArgs, {}, 'bench/bare-hocuspocus.ts'))
      }
    }
    for (let r = 0; r < ROOMS; r += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, ROOMS - r) }, () =>
        openRoom(servers),
      )
      rooms.push(...(await Promise.all(batch)))
    }
    const result = await typeAndMeasure(rooms, servers)
    const warnings = servers.flatMap((sv) => sv.logs.filter((l) => l.level !== 'info'))
    if (warnings.length > 0) {
      const events = [...new Set(warnings.map((w) => `${w.event} ${String(w.reason ?? '')}`))]
      console.log(
        `  ${kind} ×${instances}: ${warnings.length} server warnings: ${events.join('; ')}`,
      )
    }
    return result
  } finally {
    for (const room of rooms) for (const c of room.clients) c.close()
    await Promise.all(servers.map((s) => s.kill()))
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })))
  }
}

/** A sprint with one item per client, every client connected and holding all of it. */
async function openRoom(servers: readonly ServerProcess[]): Promise<Room> {
  const { room, secret } = generateRoom()
  const { documentName, token } = serverCredentials(room, secret)
  const base = (i: number): string => (servers[i % servers.length] as ServerProcess).base
  const first = connectClient(base(0), documentName, token)
  await first.synced()
  createSprint(first.doc, { title: 'Bench', startDate: '', endDate: '' })
  const teamId = addTeam(first.doc, { name: 'Team' })
  const itemIds = Array.from({ length: CLIENTS }, () =>
    addItem(first.doc, { teamId, section: 'high', text: '' }),
  )
  await first.acknowledged()
  const clients = [first]
  for (let i = 1; i < CLIENTS; i++) clients.push(connectClient(base(i), documentName, token))
  await Promise.all(
    clients.map((c) =>
      waitFor(
        'a client to hold the sprint',
        () => itemIds.every((id) => getItemText(c.doc, id)),
        60_000,
      ),
    ),
  )
  return { clients, itemIds, sent: itemIds.map(() => [0]) }
}

async function typeAndMeasure(rooms: Room[], servers: ServerProcess[]): Promise<Result> {
  const latencies: number[] = []
  let expected = 0
  let keystrokes = 0
  const start = performance.now()
  const countFrom = start + WARMUP_MS
  for (const room of rooms) {
    room.clients.forEach((receiver, j) => {
      room.itemIds.forEach((itemId, i) => {
        if (i === j) return
        const text = getItemText(receiver.doc, itemId)
        let seen = text?.length ?? 0
        text?.observe(() => {
          const now = performance.now()
          for (let seq = seen + 1; seq <= text.length; seq++) {
            const at = room.sent[i]?.[seq]
            if (at !== undefined && at >= countFrom) latencies.push(now - at)
          }
          seen = Math.max(seen, text.length)
        })
      })
    })
  }
  const cpuBefore = await Promise.all(servers.map(cpuTicks))
  const clientCpuBefore = process.cpuUsage()
  let peakRss = 0
  const rssTimer = setInterval(() => {
    void Promise.all(servers.map(rssBytes)).then((all) => {
      peakRss = Math.max(
        peakRss,
        all.reduce((a, b) => a + b, 0),
      )
    })
  }, 500)
  const timers: ReturnType<typeof setTimeout>[] = []
  const stopAt = start + TYPING_MS
  for (const room of rooms) {
    room.clients.forEach((typist, i) => {
      const itemId = room.itemIds[i] as string
      const type = (): void => {
        if (performance.now() >= stopAt) return
        const text = getItemText(typist.doc, itemId)
        const at = performance.now()
        editItemText(typist.doc, { itemId, index: text?.length ?? 0, remove: 0, insert: 'x' })
        room.sent[i]?.push(at)
        keystrokes++
        if (at >= countFrom) expected += CLIENTS - 1
        timers.push(setTimeout(type, KEY_INTERVAL_MS * (0.8 + Math.random() * 0.4)))
      }
      timers.push(setTimeout(type, Math.random() * KEY_INTERVAL_MS))
    })
  }
  await new Promise((r) => setTimeout(r, TYPING_MS))
  const cpuAfter = await Promise.all(servers.map(cpuTicks))
  const clientCpu = process.cpuUsage(clientCpuBefore)
  const seconds = (performance.now() - start) / 1000
  // Let what is in flight arrive.
  await new Promise((r) => setTimeout(r, 5000))
  for (const t of timers) clearTimeout(t)
  clearInterval(rssTimer)
  latencies.sort((a, b) => a - b)
  const ticks = cpuAfter.reduce((a, b) => a + b, 0) - cpuBefore.reduce((a, b) => a + b, 0)
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    samples: latencies.length,
    expected,
    keystrokes,
    cpuPercent: (ticks / 100 / seconds) * 100,
    peakRssMiB: peakRss / 1024 / 1024,
    clientCpuPercent: ((clientCpu.user + clientCpu.system) / 1e6 / seconds) * 100,
  }
}

/** user + system CPU time of a process in clock ticks (Linux /proc; 100 per second). */
async function cpuTicks(server: ServerProcess): Promise<number> {
  const stat = await readFile(`/proc/${server.child.pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

async function rssBytes(server: ServerProcess): Promise<number> {
  const status = await readFile(`/proc/${server.child.pid}/status`, 'utf8').catch(() => '')
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1]
  return Number(kb ?? 0) * 1024
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? NaN
}

function report(rows: [string, Result, Result][]): void {
  const f = (x: number): string => x.toFixed(1)
  console.log(
    'setup | server | edit → other clients p50 / p95 (ms) | delivered / expected | ' +
      "keystrokes | server CPU (% of a core) | server peak RSS (MiB) | clients' CPU (%)",
  )
  for (const [setup, app, bare] of rows) {
    for (const [name, r] of [
      ['app', app],
      ['bare', bare],
    ] as const) {
      console.log(
        `${setup} | ${name} | ${f(r.p50)} / ${f(r.p95)} | ${r.samples} / ${r.expected} | ` +
          `${r.keystrokes} | ${f(r.cpuPercent)} | ${f(r.peakRssMiB)} | ${f(r.clientCpuPercent)}`,
      )
    }
    addFigure({
      name: `server ${setup}: edit → others p50`,
      app: app.p50,
      bare: bare.p50,
      unit: 'ms',
    })
    addFigure({
      name: `server ${setup}: edit → others p95`,
      app: app.p95,
      bare: bare.p95,
      unit: 'ms',
    })
    addFigure({
      name: `server ${setup}: CPU`,
      app: app.cpuPercent,
      bare: bare.cpuPercent,
      unit: '%',
    })
    addFigure({
      name: `server ${setup}: peak RSS`,
      app: app.peakRssMiB,
      bare: bare.peakRssMiB,
      unit: 'MiB',
    })
  }
  console.log('two instances: CPU and RSS are the sum of both server processes (Redis not counted)')
}
