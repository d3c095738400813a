import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { TopicRegistry } from './topics'

/** Limits of a {@link SignalingHub}; every one has a safe default. */
export interface SignalingHubOptions {
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
  maxConnections: 256,
  maxMessageBytes: 64 * 1024,
  maxTopicsPerConnection: 32,
  maxTopicLength: 256,
  pingIntervalMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
} satisfies Required<SignalingHubOptions>

interface Client {
  socket: WebSocket
  isAlive: boolean
}

/**
 * y-webrtc's signaling protocol (`subscribe`, `unsubscribe`, `publish`, `ping` as JSON text
 * frames) over WebSocket upgrades handed to it by an HTTP server, hardened for an untrusted
 * network: messages are size-capped by the WebSocket layer, malformed JSON and unknown shapes are
 * ignored, topics per connection and connections are limited, slow receivers are skipped, and
 * every connection's subscriptions are released however it ends. It only relays: y-webrtc
 * encrypts what it publishes with the room secret, so the hub never sees sprint content (only
 * random room ids). Used by the LAN {@link SignalingServer} and by the Sprintpad server.
 */
export class SignalingHub {
  private readonly opts: Required<SignalingHubOptions>
  private readonly topics = new TopicRegistry<Client>()
  private readonly clients = new Set<Client>()
  private readonly wss: WebSocketServer
  private readonly pingTimer: ReturnType<typeof setInterval>
  private isClosed = false

  constructor(opts: SignalingHubOptions = {}) {
    this.opts = { ...DEFAULTS, ...stripUndefined(opts) }
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.opts.maxMessageBytes,
      perMessageDeflate: false,
      clientTracking: false,
    })
    this.pingTimer = setInterval(() => this.pingAll(), this.opts.pingIntervalMs)
    this.pingTimer.unref()
  }

  /** Takes over an HTTP upgrade request (or answers 503 when full). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    if (this.isClosed || this.clients.size >= this.opts.maxConnections) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws))
  }

  /** What the hub holds right now (connections, topics, subscriptions). */
  stats(): SignalingStats {
    return {
      connections: this.clients.size,
      topics: this.topics.topicCount(),
      subscriptions: this.topics.subscriptionCount(),
    }
  }

  /** Closes every connection; later upgrades get 503. Safe to call twice. */
  close(): void {
    if (this.isClosed) return
    this.isClosed = true
    clearInterval(this.pingTimer)
    for (const client of this.clients) client.socket.terminate()
    this.clients.clear()
    this.topics.clear()
    this.wss.close()
  }

  private onConnection(socket: WebSocket): void {
    // A burst of upgrades may pass the check above before any completes: check again.
    if (this.isClosed || this.clients.size >= this.opts.maxConnections) {
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
