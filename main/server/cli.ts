import { parseArgs } from 'node:util'
import type { ServerLimits } from './limits'
import { jsonLogger, type LogLevel } from './log'
import { SprintpadServer, type SprintpadServerOptions } from './server'

/** Usage of `npm run server --` and `sprintpad serve`. */
export const SERVER_USAGE = `Usage: sprintpad serve [options]   (or: npm run server -- [options])

  --port 4455                  TCP port (0 picks a free one)
  --host 0.0.0.0               interface to bind (127.0.0.1: this machine only)
  --data ./sprintpad-data      folder of the embedded SQLite store
  --database postgres://…      keep sprints in PostgreSQL instead (or SPRINTPAD_DATABASE_URL)
  --redis redis://…            share rooms with other instances (or SPRINTPAD_REDIS_URL)
  --name NAME                  this instance's name in logs and /healthz
  --max-connections N          open connections at most (default 2048)
  --max-connections-per-room N connections to one sprint at most (default 64)
  --max-update-bytes N         largest accepted update (default 4194304)
  --max-room-bytes N           largest stored sprint (default 67108864)
  --log-level info             debug, info, warn or error
`

/** A command-line mistake: printed with the usage, exit code 2. */
export class ServerUsageError extends Error {
  override name = 'ServerUsageError'
}

/**
 * Parses the server's command line (and `SPRINTPAD_DATABASE_URL` / `SPRINTPAD_REDIS_URL` from
 * `env`, so passwords need not appear in the process list). Throws {@link ServerUsageError}.
 */
export function parseServerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): (SprintpadServerOptions & { logLevel: LogLevel }) | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4455' },
        host: { type: 'string', default: '0.0.0.0' },
        data: { type: 'string', default: './sprintpad-data' },
        database: { type: 'string' },
        redis: { type: 'string' },
        name: { type: 'string' },
        'max-connections': { type: 'string' },
        'max-connections-per-room': { type: 'string' },
        'max-update-bytes': { type: 'string' },
        'max-room-bytes': { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    throw new ServerUsageError(err instanceof Error ? err.message : String(err))
  }
  if (values.help) return 'help'
  const port = wholeNumber('port', values.port, 65535)
  const databaseUrl = values.database ?? env.SPRINTPAD_DATABASE_URL
  const redisUrl = values.redis ?? env.SPRINTPAD_REDIS_URL
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ServerUsageError('--database must be a postgres:// URL')
  }
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ServerUsageError('--redis must be a redis:// or rediss:// URL')
  }
  const logLevel = values['log-level']
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ServerUsageError('--log-level must be debug, info, warn or error')
  }
  const limits: Partial<ServerLimits> = {}
  const limit = (flag: string, key: keyof ServerLimits): void => {
    const raw = values[flag as keyof typeof values]
    if (typeof raw === 'string') limits[key] = wholeNumber(flag, raw, 2 ** 31, 1)
  }
  limit('max-connections', 'maxConnections')
  limit('max-connections-per-room', 'maxConnectionsPerRoom')
  limit('max-update-bytes', 'maxUpdateBytes')
  limit('max-room-bytes', 'maxRoomBytes')
  if (limits.maxUpdateBytes !== undefined) {
    limits.maxMessageBytes = Math.max(limits.maxUpdateBytes + 64 * 1024, 1024 * 1024)
  }
  return {
    port,
    host: values.host,
    dataDir: values.data,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(redisUrl === undefined ? {} : { redisUrl }),
    ...(values.name === undefined ? {} : { instance: values.name }),
    limits,
    logLevel: logLevel as LogLevel,
  }
}

/** Where the server CLI writes its own messages (logs go to stdout as JSON lines). */
export interface ServerIo {
  out: (text: string) => void
  err: (text: string) => void
}

/**
 * Runs the server until SIGINT / SIGTERM, then stops it cleanly (every open sprint stored) and
 * exits 0. Returns an exit code without starting when the arguments are wrong (2) or the server
 * cannot start (1).
 */
export async function runServer(
  argv: readonly string[],
  io: ServerIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number | 'running'> {
  let parsed
  try {
    parsed = parseServerArgs(argv, env)
  } catch (err) {
    io.err(`sprintpad serve: ${(err as Error).message}\n${SERVER_USAGE}`)
    return 2
  }
  if (parsed === 'help') {
    io.out(SERVER_USAGE)
    return 0
  }
  const { logLevel, ...options } = parsed
  const logger = jsonLogger((line) => io.out(line), logLevel)
  const server = new SprintpadServer({ ...options, logger })
  try {
    await server.start()
  } catch (err) {
    logger.log('error', 'start_failed', { error: (err as Error).message })
    await server.stop().catch(() => undefined)
    return 1
  }
  const shutdown = (): void => {
    void server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  return 'running'
}

function wholeNumber(name: string, raw: string, max: number, min = 0): number {
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new ServerUsageError(
      `--${name} must be a whole number from ${min} to ${max}, got "${raw}"`,
    )
  }
  return n
}
