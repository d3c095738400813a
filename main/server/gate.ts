import * as decoding from 'lib0/decoding'
import type { RawData, WebSocket } from 'ws'
import type { ServerLimits } from './limits'
import type { Logger } from './log'

/** WebSocket close code for a client that broke a limit or the protocol (RFC 6455: policy). */
export const POLICY_VIOLATION = 1008

/**
 * Per-connection limits enforced on raw WebSocket messages, before Hocuspocus reads them: a
 * token bucket on messages, the number of sprints one socket may open, and how much a client
 * may send for a sprint it has not yet authenticated to (Hocuspocus queues those in memory).
 * A connection that breaks one is closed and logged. Also closes the socket once a sprint's
 * authentication failed, so a wrong token gets nothing more than its refusal.
 */
export class ConnectionGate {
  private tokens: number
  private refilledAt = Date.now()
  private readonly documents = new Set<string>()
  private readonly authenticated = new Set<string>()
  /** Messages received per sprint not yet authenticated to (Hocuspocus queues them). */
  private readonly pendingBeforeAuth = new Map<string, number>()
  private isClosing = false

  constructor(
    private readonly socket: WebSocket,
    private readonly remote: string,
    private readonly limits: ServerLimits,
    private readonly logger: Logger,
  ) {
    this.tokens = limits.messageBurst
  }

  /** Must be registered as the socket's first `message` listener. */
  readonly onMessage = (data: RawData): void => {
    if (this.isClosing) return
    if (!this.takeToken()) return this.refuse('rate-limited', 'too many messages per second')
    const name = documentNameOf(data)
    if (name === undefined) return this.refuse('malformed', 'message without a document name')
    if (!this.documents.has(name)) {
      if (this.documents.size >= this.limits.maxDocumentsPerConnection) {
        return this.refuse('too-many-documents', `more than ${this.documents.size} sprints`)
      }
      this.documents.add(name)
    }
    if (this.authenticated.has(name)) return
    const pending = (this.pendingBeforeAuth.get(name) ?? 0) + 1
    this.pendingBeforeAuth.set(name, pending)
    if (pending > this.limits.maxMessagesBeforeAuth) {
      this.refuse('unauthenticated', 'too many messages before authenticating')
    }
  }

  /** The client authenticated to `name`: its messages for it no longer count as pending. */
  markAuthenticated(name: string): void {
    this.authenticated.add(name)
    this.pendingBeforeAuth.delete(name)
  }

  /** Closes the socket after the refusal Hocuspocus is about to send has gone out. */
  closeAfterRefusal(reason: string): void {
    if (this.isClosing) return
    this.isClosing = true
    setImmediate(() => this.socket.close(POLICY_VIOLATION, reason))
  }

  /** Closes the connection for breaking a rule, and logs it. */
  refuse(code: string, detail: string): void {
    if (this.isClosing) return
    this.isClosing = true
    this.logger.log('warn', 'connection_refused', { reason: code, detail, remote: this.remote })
    this.socket.close(POLICY_VIOLATION, code)
    // A client that does not answer the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 2000).unref()
  }

  private takeToken(): boolean {
    const now = Date.now()
    const refill = ((now - this.refilledAt) / 1000) * this.limits.messagesPerSecond
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + refill)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

function documentNameOf(data: RawData): string | undefined {
  try {
    const bytes = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : new Uint8Array(data)
    return decoding.readVarString(decoding.createDecoder(bytes))
  } catch {
    return undefined
  }
}
