import { Redis, type Configuration } from '@hocuspocus/extension-redis'
import type {
  afterLoadDocumentPayload,
  afterStoreDocumentPayload,
  afterUnloadDocumentPayload,
  beforeBroadcastStatelessPayload,
  onAwarenessUpdatePayload,
  onChangePayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import type { Logger } from './log'

/**
 * How long a hook waits for Redis when the connection looked up but the command does not come
 * back (it was in flight when the connection dropped: ioredis resends it after reconnecting).
 */
const REDIS_WAIT_MS = 5000

/** What `/healthz` says of Redis. */
export interface RedisHealth {
  /** ioredis' status of the connection that is not ready (`ready` when both are). */
  status: string
  /** True while edits are shared with the other instances. */
  isShared: boolean
  /** Seconds since sharing stopped, and changes not published since (during an outage). */
  downSeconds?: number
  unsharedChanges?: number
}

/**
 * `@hocuspocus/extension-redis` that keeps the instance working alone while Redis is down.
 *
 * The extension awaits Redis in hooks Hocuspocus awaits: `afterLoadDocument` (SUBSCRIBE, so a
 * client opening a sprint waits for it), `onStoreDocument` (the Redlock lock before the store
 * compacts) and `afterStoreDocument` (its release, under the document's save mutex). ioredis,
 * created with `maxRetriesPerRequest: null` and its offline queue on, holds every command
 * issued while disconnected until Redis is back, so those hooks, and the sprints behind them,
 * hung for the whole outage, while every change and presence update queued a PUBLISH in memory.
 *
 * Here each hook first asks whether both connections are `ready`: if not, what needs Redis is
 * skipped at once (nothing is published or queued; the sprint loads and compacts from this
 * instance's store without the lock, which the store's `compact` does not need for
 * correctness), and the outage is logged once. A command issued just as the connection
 * drops is still held by ioredis, so the awaited ones are bounded by {@link REDIS_WAIT_MS}.
 * ioredis reconnects by itself (its default `retryStrategy`, at most 2 s apart) and
 * re-subscribes what was subscribed; once both connections are ready again, every open sprint
 * is subscribed (those opened during the outage were not) and announces its state vector, so
 * instances exchange the edits each missed without anyone typing again.
 *
 * Deliberately not `enableOfflineQueue: false` nor ioredis' `commandTimeout`: both turn the
 * commands the extension fires without awaiting (its replies to other instances, the first
 * sync step after SUBSCRIBE) into rejected promises nobody handles, which end a Node process.
 */
export class ResilientRedis extends Redis {
  private downSince: number | undefined
  private unsharedChanges = 0
  private isDestroyed = false
  /** Sprints unloaded while Redis was down: their channels are unsubscribed on reconnect. */
  private readonly staleDocuments = new Set<string>()

  constructor(
    configuration: Partial<Configuration>,
    private readonly logger: Logger,
  ) {
    super(configuration)
    for (const client of [this.pub, this.sub]) {
      // Also keeps ioredis from printing every failed reconnection attempt on stderr.
      client.on('error', (err: Error) => this.lost(err.message))
      client.on('close', () => this.lost('connection closed'))
      client.on('ready', () => void this.restored())
    }
  }

  /** True while both connections to Redis are up (Redis may still fail to answer). */
  get isConnected(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready'
  }

  /** Redis as `/healthz` reports it. */
  health(): RedisHealth {
    const status = this.pub.status === 'ready' ? this.sub.status : this.pub.status
    if (this.downSince === undefined) return { status, isShared: this.isConnected }
    return {
      status,
      isShared: false,
      downSeconds: Math.round((Date.now() - this.downSince) / 1000),
      unsharedChanges: this.unsharedChanges,
    }
  }

  override async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
    // Not subscribed now: `restored` subscribes every open sprint once Redis is back.
    if (!this.isConnected) return
    await this.bounded('subscribe', super.afterLoadDocument(data))
  }

  override async onChange(data: onChangePayload): Promise<void> {
    if (this.isConnected) await super.onChange(data)
    else this.unsharedChanges++
  }

  /** Resolves with the number of instances that received it (PUBLISH's reply), as upstream. */
  override async onAwarenessUpdate(data: onAwarenessUpdatePayload): Promise<number | undefined> {
    return this.isConnected ? super.onAwarenessUpdate(data) : undefined
  }

  override async beforeBroadcastStateless(data: beforeBroadcastStatelessPayload): Promise<number> {
    return this.isConnected ? super.beforeBroadcastStateless(data) : 0
  }

  override async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    if (!this.isConnected) return
    // Its silent error (another instance holds the lock) still stops this store, as upstream.
    const outcome = await this.bounded('lock', super.onStoreDocument(data), false)
    if (outcome.kind === 'failed') throw outcome.error
  }

  override async afterStoreDocument(data: afterStoreDocumentPayload): Promise<void> {
    if (!this.isConnected) {
      // Not released while down (the release would wait for Redis): it expires by itself after
      // `lockTimeout`. The key is the extension's own (`lockKey`, private there).
      this.locks.delete(`${this.configuration.prefix}:${data.documentName}:lock`)
    }
    await this.bounded('unlock', super.afterStoreDocument(data))
  }

  override async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
    if (this.isConnected) await super.afterUnloadDocument(data)
    else this.staleDocuments.add(data.documentName)
  }

  override async onDestroy(): Promise<void> {
    this.isDestroyed = true
    if (this.isConnected) await this.bounded('quit', super.onDestroy())
    // Also stops reconnecting (QUIT would wait for a Redis that is down).
    this.pub.disconnect()
    this.sub.disconnect()
  }

  /** Notes the outage and logs it once, however many connections and attempts fail. */
  private lost(reason: string): void {
    if (this.isDestroyed || this.downSince !== undefined) return
    this.downSince = Date.now()
    this.unsharedChanges = 0
    this.logger.log('warn', 'redis_down', {
      reason,
      documents: this.instance?.getDocumentsCount(),
    })
  }

  /** Once both connections are ready: logs the recovery and shares every open sprint again. */
  private async restored(): Promise<void> {
    if (this.isDestroyed || !this.isConnected) return
    const downSince = this.downSince
    this.downSince = undefined
    if (downSince !== undefined) {
      this.logger.log('info', 'redis_up', {
        downSeconds: Math.round((Date.now() - downSince) / 1000),
        unsharedChanges: this.unsharedChanges,
      })
    }
    // `instance` is set by onConfigure, which runs before any client can connect.
    const documents = this.instance?.documents ?? new Map()
    const stale = [...this.staleDocuments].filter((name) => !documents.has(name))
    this.staleDocuments.clear()
    if (stale.length > 0) {
      const channels = stale.map((name) => `${this.configuration.prefix}:${name}`)
      await this.bounded('unsubscribe', this.sub.unsubscribe(...channels))
    }
    for (const [documentName, document] of documents) {
      // SUBSCRIBE again is harmless for a sprint already subscribed; each then publishes its
      // state vector, and the other instances answer with what it lacks, and ask the same.
      await this.afterLoadDocument({
        documentName,
        document,
        instance: this.instance,
        context: {},
        requestHeaders: {},
        requestParameters: new URLSearchParams(),
        socketId: 'server',
        connectionConfig: { isAuthenticated: true, readOnly: false },
      })
    }
  }

  /**
   * Waits for `work` at most {@link REDIS_WAIT_MS}; a failure or a timeout counts as an outage
   * (logged once) and is swallowed unless `isSwallowed` is false.
   */
  private async bounded(
    what: string,
    work: Promise<unknown>,
    isSwallowed = true,
  ): Promise<{ kind: 'done' } | { kind: 'failed'; error: unknown } | { kind: 'late' }> {
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<{ kind: 'late' }>((ok) => {
      timer = setTimeout(() => ok({ kind: 'late' }), REDIS_WAIT_MS)
    })
    const settled = work.then(
      () => {
        // Redis answered (late, or after it had stopped answering on a connection that stayed
        // up): if nothing else ended the outage, this does.
        if (this.downSince !== undefined) void this.restored()
        return { kind: 'done' as const }
      },
      (error: unknown) => ({ kind: 'failed' as const, error }),
    )
    const outcome = await Promise.race([settled, late])
    clearTimeout(timer)
    if (outcome.kind === 'late') this.lost(`${what}: no answer in ${REDIS_WAIT_MS} ms`)
    if (outcome.kind === 'failed' && isSwallowed) this.lost(`${what}: ${String(outcome.error)}`)
    return outcome
  }
}
