import { parseArgs } from 'node:util'
import { SignalingServer } from './server'
import { advertise } from './mdns'

/**
 * `npm run signaling -- --port 4444 [--host 0.0.0.0] [--max-connections 256] [--mdns]`: the
 * app's LAN signaling server on its own, for a team that wants an always-on one. Stops cleanly
 * on Ctrl+C / SIGTERM.
 */
const USAGE = `Usage: npm run signaling -- [--port 4444] [--host 0.0.0.0] [--max-connections 256] [--mdns]`

function parsePositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 16) {
    console.error(`--${name} must be a whole number, got "${value}"\n${USAGE}`)
    process.exit(2)
  }
  return n
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4444' },
        host: { type: 'string', default: '0.0.0.0' },
        'max-connections': { type: 'string' },
        mdns: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }))
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(USAGE)
    return
  }
  const port = parsePositiveInt('port', values.port, 4444)
  if (port > 65535) {
    console.error(`--port must be at most 65535\n${USAGE}`)
    process.exit(2)
  }
  const server = new SignalingServer({
    port,
    host: values.host,
    maxConnections: parsePositiveInt('max-connections', values['max-connections'], 256),
  })
  let bound: { port: number }
  try {
    bound = await server.start()
  } catch (err) {
    console.error(`Could not listen on ${values.host}:${port}: ${(err as Error).message}`)
    process.exit(1)
  }
  const urls = server.addresses()
  console.log(`Sprintpad signaling server listening on ${values.host}:${bound.port}`)
  for (const url of urls) console.log(`  ${url}`)
  const ad = values.mdns ? advertise({ port: bound.port, name: 'Sprintpad signaling' }) : undefined
  const shutdown = (): void => {
    console.log('Stopping…')
    void Promise.all([server.stop(), ad?.stop()]).then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

await main()
