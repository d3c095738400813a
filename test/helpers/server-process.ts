import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')

/** One structured log line of the server. */
export interface LogLine {
  level: string
  event: string
  [field: string]: unknown
}

/** A `npm run server` process on 127.0.0.1, started by a test or a benchmark. */
export interface ServerProcess {
  child: ChildProcessWithoutNullStreams
  port: number
  /** `ws://127.0.0.1:<port>`: the base address clients and join links use. */
  base: string
  /** Every JSON log line so far, and the raw stderr (Hocuspocus' own console output). */
  logs: LogLine[]
  stderr: () => string
  /** SIGTERM and wait for a clean exit (every open sprint stored); resolves with the code. */
  stop: () => Promise<number | null>
  /** SIGKILL: the process dies at once, mid-whatever. */
  kill: () => Promise<void>
}

/**
 * Spawns `main/server/standalone.ts` under tsx with `args` (plus `--host 127.0.0.1 --port 0`
 * unless given) and resolves once it logs `listening`. Rejects if it exits first or is not up
 * within 30 s.
 */
export async function startServerProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  entry = 'main/server/standalone.ts',
): Promise<ServerProcess> {
  const defaults = [
    ...(args.includes('--port') ? [] : ['--port', '0']),
    ...(args.includes('--host') ? [] : ['--host', '127.0.0.1']),
  ]
  // tsx as a loader in this very process (its CLI would run the server in a child process,
  // which a SIGKILL of the CLI would leave running).
  const command = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry]
  const child = spawn(process.execPath, [...command, ...args, ...defaults], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const logs: LogLine[] = []
  let stderr = ''
  let pending = ''
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const listening = new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server not up in 30 s: ${stderr}`)), 30_000)
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (!line.startsWith('{')) continue
        const parsed = JSON.parse(line) as LogLine
        logs.push(parsed)
        if (parsed.event === 'listening') {
          clearTimeout(timer)
          ok(Number(parsed.port))
        }
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`server exited (${code}) before listening: ${stderr}`))
    })
  })
  let port: number
  try {
    port = await listening
  } catch (err) {
    // Never leave a server that did not come up (or logs nothing) running behind a failed test.
    child.kill('SIGKILL')
    throw err
  }
  return {
    child,
    port,
    base: `ws://127.0.0.1:${port}`,
    logs,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      const code = await exited
      clearTimeout(timer)
      return code
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** GET `/healthz` of a server. */
export async function health(server: { port: number }): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${server.port}/healthz`)
  return (await res.json()) as Record<string, unknown>
}
