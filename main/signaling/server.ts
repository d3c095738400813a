import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { lanAddresses } from './lan-addresses'
import { TopicRegistry } from './topics'

/** Options of {@link SignalingServer}; every limit has a safe default. */
export interface SignalingServerOptions {
  /** TCP port; `0` (default) picks a free one. */
  port?: number
  /** Interface to bind; `0.0.0.0` (default) serves the LAN, `127.0.0.1` only this machine. */
  host?: string
  /** Open WebSocket connections at most; further upgrades get HTTP 503. Default 256. */
  maxConnections?: number
  /** Largest accepted message; a bigger one closes that connection (1009). Default 64 KiB. */
  maxMessageBytes?: number
  /** Topics one connection may subscribe to; extra topics are ignored. Default 32. */
  maxTopicsPerConnection?: number
  /** Longest topic name accepted. Default 256 characters. */
  maxTopicLength?: number
  /** Interval of the liveness ping; a connection that missed one pong is dropped. Default 30 s. */
  pingIntervalMs?: number
  /** A receiver with more than this many bytes queued is skipped (slow or stuck peer). 1 MiB. */
  maxBufferedBytes?: number
}

/** Counters for tests and the status line: what the server currently holds. */
export interface SignalingStats {
  connections: number
  topics: number
  subscriptions: number
}

const DEFAULTS = {
  port: 0,
  host: '0.0.0.0',
  maxConnections: 256,
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 32,
  maxTopicLength: 256,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
} satisfies Required<SignalingServerOptions>

interface Client {
  socket: WebSocket
  isAlive: boolean
}

/**
 * A signaling server speaking y-webrtc's protocol (`subscribe`, `unsubscribe`, `publish`, `ping`
 * as JSON text frames), hardened for an untrusted LAN: messages are size-capped by the WebSocket
 * layer, malformed JSON and unknown shapes are ignored, topics per connection and connections are
 * limited, slow receivers are skipped, and every connection's subscriptions are released however
 * it ends. It only relays: y-webrtc encrypts what it publishes with the room secret, so the server
 * never sees sprint content (only random room ids).
 */
export class SignalingServer {
  private readonly opts: Required<SignalingServerOptions>
  private readonly topics = new TopicRegistry<Client>()
  private readonly clients = new Set<Client>()
  private http: Server | undefined
  private wss: WebSocketServer | undefined
  private pingTimer: ReturnType<typeof setInterval> | undefined
  private boundPort = 0

  constructor(opts: SignalingServerOptions = {}) {
    this.opts = { ...DEFAULTS, ...stripUndefined(opts) }
  }

  /** Starts listening; resolves with the bound port (useful with `port: 0`). */
  async start(): Promise<{ port: number }> {
    if (this.http) return { port: this.boundPort }
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.opts.maxMessageBytes,
      perMessageDeflate: false,
      clientTracking: false,
    })
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('Sprintpad signaling server\n')
    })
    http.headersTimeout = 10_000
    http.requestTimeout = 10_000
    http.on('upgrade', (req, socket, head) => this.onUpgrade(wss, req, socket, head))
    http.on('clientError', (_err, socket) => socket.destroy())
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject)
      http.listen(this.opts.port, this.opts.host, () => {
        http.off('error', reject)
        resolve()
      })
    })
    this.http = http
    this.wss = wss
    this.boundPort = (http.address() as AddressInfo).port
    this.pingTimer = setInterval(() => this.pingAll(), this.opts.pingIntervalMs)
    this.pingTimer.unref()
    return { port: this.boundPort }
  }

  /** Closes every connection and the listening socket. Safe to call twice. */
  async stop(): Promise<void> {
    const http = this.http
    if (!http) return
    this.http = undefined
    clearInterval(this.pingTimer)
    for (const client of this.clients) client.socket.terminate()
    this.clients.clear()
    this.topics.clear()
    this.wss?.close()
    this.wss = undefined
    http.closeAllConnections()
    await new Promise<void>((resolve) => http.close(() => resolve()))
  }

  /**
   * The `ws://address:port` URLs peers can reach this server at: the LAN IPv4 addresses when
   * bound to all interfaces (private ranges first), else the bound host. Empty before start.
   */
  addresses(): string[] {
    if (!this.http) return []
    const hosts = isWildcard(this.opts.host) ? lanAddresses() : [this.opts.host]
    return hosts.map((h) => `ws://${h.includes(':') ? `[${h}]` : h}:${this.boundPort}`)
  }

  /** What the server holds right now (connections, topics, subscriptions). */
  stats(): SignalingStats {
    return {
      connections: this.clients.size,
      topics: this.topics.topicCount(),
      subscriptions: this.topics.subscriptionCount(),
    }
  }

  private onUpgrade(
    wss: WebSocketServer,
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): void {
    socket.on('error', () => socket.destroy())
    if (this.clients.size >= this.opts.maxConnections) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws))
  }

  private onConnection(socket: WebSocket): void {
    // A burst of upgrades may pass the check above before any completes: check again.
    if (!this.http || this.clients.size >= this.opts.maxConnections) {
      socket.close(1013, 'too many connections')
      return
    }
    const client: Client = { socket, isAlive: true }
    this.clients.add(client)
    socket.on('pong', () => {
      client.isAlive = true
    })
    socket.on('message', (data, isBinary) => this.onMessage(client, data, isBinary))
    socket.on('error', () => socket.terminate())
    socket.on('close', () => {
      this.clients.delete(client)
      this.topics.removeSubscriber(client)
    })
  }

  private onMessage(client: Client, data: RawData, isBinary: boolean): void {
    if (isBinary) return
    const message = parseMessage(data)
    if (!message) return
    client.isAlive = true
    switch (message.type) {
      case 'subscribe':
        for (const topic of this.validTopics(message.topics)) {
          if (this.topics.topicsOf(client) >= this.opts.maxTopicsPerConnection) break
          this.topics.subscribe(topic, client)
        }
        break
      case 'unsubscribe':
        for (const topic of this.validTopics(message.topics)) this.topics.unsubscribe(topic, client)
        break
      case 'publish':
        this.publish(client, message.topic, message.data)
        break
      case 'ping':
        send(client.socket, { type: 'pong' })
        break
    }
  }

  private validTopics(topics: unknown): string[] {
    if (!Array.isArray(topics)) return []
    return topics.filter(
      (t): t is string =>
        typeof t === 'string' && t.length > 0 && t.length <= this.opts.maxTopicLength,
    )
  }

  private publish(from: Client, topic: unknown, data: unknown): void {
    if (typeof topic !== 'string' || !this.topics.isSubscribed(topic, from)) return
    const receivers = this.topics.subscribers(topic)
    const text = JSON.stringify({ type: 'publish', topic, data, clients: receivers.length })
    for (const receiver of receivers) {
      if (receiver.socket.bufferedAmount > this.opts.maxBufferedBytes) continue
      send(receiver.socket, text)
    }
  }

  private pingAll(): void {
    for (const client of this.clients) {
      if (!client.isAlive) {
        client.socket.terminate()
        continue
      }
      client.isAlive = false
      try {
        client.socket.ping()
      } catch {
        client.socket.terminate()
      }
    }
  }
}

type Message =
  | { type: 'subscribe' | 'unsubscribe'; topics: unknown }
  | { type: 'publish'; topic: unknown; data: unknown }
  | { type: 'ping' }

function parseMessage(data: RawData): Message | undefined {
  let value: unknown
  try {
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : data.toString()
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const v = value as Record<string, unknown>
  switch (v.type) {
    case 'subscribe':
    case 'unsubscribe':
      return { type: v.type, topics: v.topics }
    case 'publish':
      return { type: 'publish', topic: v.topic, data: v.data }
    case 'ping':
      return { type: 'ping' }
    default:
      return undefined
  }
}

function send(socket: WebSocket, message: string | object): void {
  if (socket.readyState !== socket.OPEN) return
  const text = typeof message === 'string' ? message : JSON.stringify(message)
  socket.send(text, (err) => {
    if (err) socket.terminate()
  })
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === ''
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
