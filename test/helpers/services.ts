import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chown, mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { waitFor } from './wait'

/** A service a test uses: its URL, and how to stop it (a no-op for one started by `.ci/run`). */
export interface Service {
  url: string
  stop: () => Promise<void>
}

/**
 * Why a test needing `binary` cannot run here, or `undefined` if it can. Under CI the binary
 * must be there (`.ci/run` installs it): a missing one is a failure, never a skip.
 */
export function missingBinary(binary: string, found: boolean): string | undefined {
  if (found) return undefined
  const reason = `${binary} is not installed (apt-get install ${binary === 'redis-server' ? 'redis-server' : 'postgresql'})`
  if (process.env.CI) throw new Error(`CI must provide ${binary}: ${reason}`)
  return reason
}

/** True when `command` is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** A free TCP port on 127.0.0.1 (a race with other processes is possible but unlikely). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  await new Promise((ok) => server.close(ok))
  return port
}

/** Redis: `SPRINTPAD_TEST_REDIS_URL` (from `.ci/run`), else a redis-server of our own. */
export async function startRedis(): Promise<Service> {
  const given = process.env.SPRINTPAD_TEST_REDIS_URL
  if (given) return { url: given, stop: async () => undefined }
  return startOwnRedis()
}

/** A redis-server this test started, so it may also kill it (an outage) and restart it. */
export interface OwnRedis extends Service {
  port: number
  /** SIGKILL: Redis vanishes at once, as in a crash; resolves once the process is gone. */
  kill: () => Promise<void>
}

/**
 * A redis-server of the test's own on 127.0.0.1 (`port`, else a free one; never the shared one
 * of `.ci/run`, which other tests use), without persistence; resolves once it accepts
 * connections.
 */
export async function startOwnRedis(port?: number): Promise<OwnRedis> {
  const chosen = port ?? (await freePort())
  const child = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise((ok) => child.once('exit', ok))
  const isRunning = (): boolean => child.exitCode === null && child.signalCode === null
  try {
    await waitFor(`redis-server ready: ${out}`, () => out.includes('Ready to accept'), 15_000)
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (isRunning()) child.kill(signal)
    await exited
  }
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  }
}

/** The `bin` folder of Debian's PostgreSQL (newest version), if installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a))
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')))
}

/**
 * PostgreSQL: `SPRINTPAD_TEST_DATABASE_URL` (from `.ci/run`), else a throw-away cluster of our
 * own in a temporary folder on a free port (as the `postgres` user when running as root, since
 * PostgreSQL refuses to run as root), removed by `stop`.
 */
export async function startPostgres(): Promise<Service> {
  const given = process.env.SPRINTPAD_TEST_DATABASE_URL
  if (given) return { url: given, stop: async () => undefined }
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL is not installed')
  const dir = await mkdtemp(join(tmpdir(), 'sprintpad-pg-'))
  const isRoot = process.getuid?.() === 0
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString())
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString())
    await chown(dir, uid, gid)
  }
  const run = (tool: string, args: string[]): void => {
    const command = isRoot ? 'runuser' : join(bin, tool)
    const full = isRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args
    const result = spawnSync(command, full, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}${result.stdout}`)
  }
  const port = await freePort()
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'sprintpad', '-E', 'UTF8', '--no-sync'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'])
  const url = `postgres://sprintpad@127.0.0.1:${port}/postgres`
  await waitFor('PostgreSQL accepts connections', async () => {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return true
    } catch {
      return false
    }
  })
  return {
    url,
    stop: async () => {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
