import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignalingHub, type SignalingHubOptions, type SignalingStats } from './hub'
import { lanAddresses } from './lan-addresses'

export type { SignalingStats } from './hub'

/** Options of {@link SignalingServer}; every limit has a safe default. */
export interface SignalingServerOptions extends SignalingHubOptions {
  /** TCP port; `0` (default) picks a free one. */
  port?: number
  /** Interface to bind; `0.0.0.0` (default) serves the LAN, `127.0.0.1` only this machine. */
  host?: string
}

/**
 * A signaling server speaking y-webrtc's protocol on its own port: an HTTP server whose every
 * WebSocket upgrade goes to a {@link SignalingHub} (see there for the protocol and its limits).
 */
export class SignalingServer {
  private readonly port: number
  private readonly host: string
  private readonly hubOptions: SignalingHubOptions
  private http: Server | undefined
  private hub: SignalingHub | undefined
  private boundPort = 0

  constructor(opts: SignalingServerOptions = {}) {
    const { port = 0, host = '0.0.0.0', ...hubOptions } = opts
    this.port = port
    this.host = host
    this.hubOptions = hubOptions
  }

  /** Starts listening; resolves with the bound port (useful with `port: 0`). */
  async start(): Promise<{ port: number }> {
    if (this.http) return { port: this.boundPort }
    const hub = new SignalingHub(this.hubOptions)
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Sprintpad signaling server\n')
    })
    http.headersTimeout = 10_000
    http.requestTimeout = 10_000
    http.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head))
    http.on('clientError', (_err, socket) => socket.destroy())
    try {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject)
        http.listen(this.port, this.host, () => {
          http.off('error', reject)
          resolve()
        })
      })
    } catch (err) {
      hub.close()
      throw err
    }
    this.http = http
    this.hub = hub
    this.boundPort = (http.address() as AddressInfo).port
    return { port: this.boundPort }
  }

  /** Closes every connection and the listening socket. Safe to call twice. */
  async stop(): Promise<void> {
    const http = this.http
    if (!http) return
    this.http = undefined
    this.hub?.close()
    this.hub = undefined
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
  }

  /**
   * The `ws://address:port` URLs peers can reach this server at: the LAN IPv4 addresses when
   * bound to all interfaces (private ranges first), else the bound host. Empty before start.
   */
  addresses(): string[] {
    if (!this.http) return []
    const hosts = isWildcard(this.host) ? lanAddresses() : [this.host]
    return hosts.map((h) => `ws://${h.includes(':') ? `[${h}]` : h}:${this.boundPort}`)
  }

  /** What the server holds right now (connections, topics, subscriptions). */
  stats(): SignalingStats {
    return this.hub?.stats() ?? { connections: 0, topics: 0, subscriptions: 0 }
  }
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === ''
}
