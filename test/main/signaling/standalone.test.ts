import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'

const ROOT = resolve(import.meta.dirname, '../../..')
const TSX = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs')

describe('npm run signaling (standalone server)', () => {
  it('listens on the given host and port, answers ping, and exits on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [TSX, 'main/signaling/standalone.ts', '--port', '0', '--host', '127.0.0.1'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /ws:\/\/127\.0\.0\.1:\d+/.exec(out)
          if (m) ok(m[0])
        })
        child.once('exit', (code) => fail(new Error(`exited early (${code}): ${out}`)))
      })
      const ws = new WebSocket(url)
      const reply = await new Promise<unknown>((ok, fail) => {
        ws.once('open', () => ws.send(JSON.stringify({ type: 'ping' })))
        ws.once('message', (d: Buffer) => ok(JSON.parse(d.toString())))
        ws.once('error', fail)
      })
      expect(reply).toEqual({ type: 'pong' })
      ws.terminate()
      const code = await new Promise<number | null>((ok) => {
        child.once('exit', (c) => ok(c))
        child.kill('SIGTERM')
      })
      expect(code).toBe(0)
    } finally {
      clearTimeout(killTimer)
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it('rejects a bad --port with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, [TSX, 'main/signaling/standalone.ts', '--port', 'abc'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const code = await new Promise<number | null>((ok) => child.once('exit', (c) => ok(c)))
    expect(code).toBe(2)
    expect(err).toContain('--port must be a whole number')
  })
})
