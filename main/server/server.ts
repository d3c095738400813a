import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Database } from '@hocuspocus/extension-database'
import { Hocuspocus, type Extension } from '@hocuspocus/server'
import IORedis from 'ioredis'
import { WebSocketServer, type WebSocket } from 'ws'
import { SERVER_PATHS } from '../../shared/sync'
import { SignalingHub } from '../signaling/hub'
import { ConnectionGate } from './gate'
import { DEFAULT_LIMITS, type ServerLimits } from './limits'
import { jsonLogger, type Logger } from './log'
import { PostgresStore, redactUrl } from './postgres-store'
import { ResilientRedis, type RedisHealth } from './resilient-redis'
import { SqliteStore } from './sqlite-store'
import type { SprintStore } from './store'
import { SprintpadSyncExtension, remoteOf } from './sync-extension'

/** How to run a {@link SprintpadServer}. */
export interface SprintpadServerOptions {
  /** TCP port; `0` picks a free one. Default 4455. */
  port?: number
  /** Interface to bind. Default `0.0.0.0`. */
  host?: string
  /** Folder of the embedded SQLite store (used unless `databaseUrl` is given). */
  dataDir?: string
  /** `postgres://…`: keep sprints in PostgreSQL instead (shared by several instances). */
  databaseUrl?: string
  /** `redis://…`: share live rooms with other instances through Redis. */
  redisUrl?: string
  /** This instance's name in logs and `/healthz` (and Redis). Default: a random one. */
  instance?: string
  limits?: Partial<ServerLimits>
  logger?: Logger
  /** Milliseconds of quiet before a sprint is compacted (Hocuspocus `debounce`). Default 2000. */
  compactAfterMs?: number
}

/**
 * What `/healthz` reports. `degraded` (still HTTP 200): Redis is down, so this instance serves
 * and stores its own clients' edits but does not share them with the other instances until
 * Redis is back. `unavailable` (HTTP 503): the store cannot be reached.
 */
export interface ServerHealth {
  status: 'ok' | 'degraded' | 'unavailable'
  instance: string
  uptimeSeconds: number
  /** Sprints open on this instance right now, and connections to them. */
  rooms: number
  connections: number
  signaling: { connections: number; topics: number }
  store: { kind: string; documents: number; bytes: number } | { kind: string; error: string }
  redis?: RedisHealth
  process: { rssBytes: number; heapUsedBytes: number; cpuUserMs: number; cpuSystemMs: number }
}

/**
 * The always-on Sprintpad server: one HTTP port serving Yjs sync with Hocuspocus (`…/sync`),
 * y-webrtc signaling (`…/signaling`) and `/healthz`. Sprints are kept in SQLite (default) or
 * PostgreSQL; with Redis, several instances behind one address share live rooms.
 */
export class SprintpadServer {
  readonly instance: string
  private readonly limits: ServerLimits
  private readonly logger: Logger
  private readonly store: SprintStore
  private readonly gates = new WeakMap<IncomingMessage, ConnectionGate>()
  private readonly startedAt = Date.now()
  private hocuspocus: Hocuspocus | undefined
  private redis: ResilientRedis | undefined
  private hub: SignalingHub | undefined
  private wss: WebSocketServer | undefined
  private http: Server | undefined
  private openSockets = 0
  private isStopped = false

  constructor(private readonly options: SprintpadServerOptions) {
    this.instance = options.instance ?? `sprintpad-${Math.random().toString(36).slice(2, 10)}`
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.logger = options.logger ?? jsonLogger()
    this.store = options.databaseUrl
      ? new PostgresStore(options.databaseUrl)
      : new SqliteStore(options.dataDir ?? './sprintpad-data')
  }

  /** Opens the store, connects Redis if asked, and listens; resolves with the bound port. */
  async start(): Promise<{ port: number }> {
    await this.store.open()
    const extensions: Extension[] = [
      new SprintpadSyncExtension({
        store: this.store,
        limits: this.limits,
        logger: this.logger,
        gateOf: (request) => this.gates.get(request),
      }),
      new Database({
        fetch: ({ documentName }) => this.store.load(documentName),
        store: ({ documentName, state }) => this.store.compact(documentName, state),
      }),
    ]
    if (this.options.redisUrl) {
      const url = this.options.redisUrl
      // Commands wait for a reconnection instead of failing after a few attempts; the
      // extension never waits on them while Redis is down (see ResilientRedis).
      this.redis = new ResilientRedis(
        {
          identifier: this.instance,
          prefix: 'sprintpad',
          createClient: () => new IORedis(url, { maxRetriesPerRequest: null }),
        },
        this.logger,
      )
      extensions.push(this.redis)
    }
    this.hocuspocus = new Hocuspocus({
      name: this.instance,
      quiet: true,
      debounce: this.options.compactAfterMs ?? 2000,
      maxDebounce: 10_000,
      extensions,
    })
    this.hub = new SignalingHub({ maxConnections: this.limits.maxConnections })
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.limits.maxMessageBytes,
      perMessageDeflate: false,
    })
    const http = createServer((req, res) => void this.onRequest(req, res))
    http.headersTimeout = 10_000
    http.requestTimeout = 10_000
    http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head))
    http.on('clientError', (_err, socket) => socket.destroy())
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject)
      http.listen(this.options.port ?? 4455, this.options.host ?? '0.0.0.0', () => {
        http.off('error', reject)
        resolve()
      })
    })
    this.http = http
    const port = (http.address() as AddressInfo).port
    this.logger.log('info', 'listening', {
      instance: this.instance,
      host: this.options.host ?? '0.0.0.0',
      port,
      store: this.store.description,
      redis: this.options.redisUrl ? redactUrl(this.options.redisUrl) : undefined,
    })
    return { port }
  }

  /** Closes connections, stores every open sprint, and releases the store and Redis. */
  async stop(): Promise<void> {
    if (this.isStopped) return
    this.isStopped = true
    const http = this.http
    this.http = undefined
    http?.close()
    this.hub?.close()
    const hocuspocus = this.hocuspocus
    if (hocuspocus) {
      hocuspocus.closeConnections()
      for (const client of this.wss?.clients ?? []) client.terminate()
      // Unloading a sprint stores it first (Hocuspocus runs the pending compaction).
      const deadline = Date.now() + 10_000
      while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
      }
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    }
    this.wss?.close()
    http?.closeAllConnections()
    await this.store.close().catch(() => undefined)
    this.logger.log('info', 'stopped', { instance: this.instance })
  }

  /** Health and counts, as served at `/healthz`. */
  async health(): Promise<ServerHealth> {
    const usage = process.cpuUsage()
    const memory = process.memoryUsage()
    let store: ServerHealth['store']
    let isOk = true
    try {
      store = { kind: this.store.description.split(':')[0] ?? '', ...(await this.store.stats()) }
    } catch (err) {
      isOk = false
      store = { kind: this.store.description.split(':')[0] ?? '', error: String(err) }
    }
    const redis = this.redis?.health()
    const signaling = this.hub?.stats() ?? { connections: 0, topics: 0 }
    return {
      status: !isOk ? 'unavailable' : redis && !redis.isShared ? 'degraded' : 'ok',
      instance: this.instance,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      rooms: this.hocuspocus?.getDocumentsCount() ?? 0,
      connections: this.hocuspocus?.getConnectionsCount() ?? 0,
      signaling: { connections: signaling.connections, topics: signaling.topics },
      store,
      ...(redis ? { redis } : {}),
      process: {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        cpuUserMs: Math.round(usage.user / 1000),
        cpuSystemMs: Math.round(usage.system / 1000),
      },
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (req.method === 'GET' && path.endsWith('/healthz')) {
      const health = await this.health()
      res.writeHead(health.status === 'ok' ? 200 : 503, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
      })
      res.end(JSON.stringify(health))
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Sprintpad server: WebSocket endpoints …/sync and …/signaling, health at /healthz\n')
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path.endsWith(SERVER_PATHS.signaling)) {
      this.hub?.handleUpgrade(req, socket, head)
      return
    }
    if (!path.endsWith(SERVER_PATHS.sync) || !this.wss || !this.hocuspocus) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    if (this.openSockets >= this.limits.maxConnections) {
      this.logger.log('warn', 'server_full', { connections: this.openSockets })
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSyncConnection(ws, req))
  }

  private onSyncConnection(ws: WebSocket, req: IncomingMessage): void {
    const hocuspocus = this.hocuspocus
    if (!hocuspocus) return void ws.terminate()
    this.openSockets++
    const remote = remoteOf(req)
    const gate = new ConnectionGate(ws, remote, this.limits, this.logger)
    this.gates.set(req, gate)
    // Registered before Hocuspocus's listener, so the gate sees every message first.
    ws.on('message', gate.onMessage)
    ws.on('error', (err: Error & { code?: string }) => {
      // ws closes the socket itself (1009) on a message over maxPayload, unread.
      const isTooBig = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
      this.logger.log('warn', isTooBig ? 'message_too_big' : 'socket_error', {
        remote,
        error: err.message,
      })
    })
    ws.once('close', () => {
      this.openSockets--
      this.gates.delete(req)
    })
    hocuspocus.handleConnection(ws, req)
  }
}
