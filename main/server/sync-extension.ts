import type { IncomingMessage } from 'node:http'
import type {
  Extension,
  afterLoadDocumentPayload,
  afterStoreDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import { isServerTokenFor } from '../../shared/sync'
import type { ConnectionGate } from './gate'
import type { ServerLimits } from './limits'
import type { Logger } from './log'
import { isEmptyUpdate, type SprintStore } from './store'
import { inspectClientMessage } from './message-guard'

/**
 * A refusal Hocuspocus passes on to the client: its `reason` goes into the permission-denied
 * message. Deliberately not an Error: Hocuspocus logs errors with a message to the console,
 * and these are logged here, structured.
 */
export class Refusal {
  constructor(readonly reason: string) {}
}

/** What the extension needs from the server around it. */
export interface SyncExtensionDeps {
  store: SprintStore
  limits: ServerLimits
  logger: Logger
  /** The gate of the socket a request upgraded, if it is still open. */
  gateOf(request: IncomingMessage): ConnectionGate | undefined
}

/**
 * The Hocuspocus extension that makes the server Sprintpad's: authentication by token verifier
 * ({@link isServerTokenFor}), per-room limits, the guard on every client message, and the
 * write-ahead append of each accepted update to the store before Hocuspocus applies it (and so
 * before the client is told it is synced).
 */
export class SprintpadSyncExtension implements Extension {
  extensionName = 'SprintpadSync'
  /** Stored bytes per loaded sprint (approximate: what was loaded plus what was appended). */
  private readonly roomBytes = new Map<string, number>()

  constructor(private readonly deps: SyncExtensionDeps) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<void> {
    const { documentName, token, request, instance } = data
    if (!isServerTokenFor(documentName, token)) {
      // The same answer whether or not the sprint exists: nothing was looked up.
      this.deps.logger.log('warn', 'auth_failed', { remote: remoteOf(request) })
      this.deps.gateOf(request)?.closeAfterRefusal('permission-denied')
      throw new Refusal('permission-denied')
    }
    const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0
    if (open >= this.deps.limits.maxConnectionsPerRoom) {
      this.deps.logger.log('warn', 'room_full', { document: documentName, connections: open })
      throw new Refusal('room-full')
    }
  }

  async connected(data: connectedPayload): Promise<void> {
    this.deps.gateOf(data.request)?.markAuthenticated(data.documentName)
    this.deps.logger.log('debug', 'joined', { document: data.documentName })
  }

  async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
    this.roomBytes.set(data.documentName, Y.encodeStateAsUpdate(data.document).length)
  }

  /** After a compaction the stored size is the snapshot's again. */
  async afterStoreDocument(data: afterStoreDocumentPayload): Promise<void> {
    this.roomBytes.set(data.documentName, Y.encodeStateAsUpdate(data.document).length)
  }

  async afterUnloadDocument(data: afterUnloadDocumentPayload): Promise<void> {
    if (!data.instance.documents.has(data.documentName)) this.roomBytes.delete(data.documentName)
  }

  async beforeHandleMessage(data: beforeHandleMessagePayload): Promise<void> {
    const { document, documentName, update: message } = data
    const verdict = inspectClientMessage(document, message, this.deps.limits)
    if (!verdict.ok) {
      this.deps.logger.log('warn', 'message_refused', {
        document: documentName,
        reason: verdict.reason,
        bytes: message.length,
      })
      throw new Refusal('update-refused')
    }
    if (!verdict.update || isEmptyUpdate(verdict.update)) return
    const stored = (this.roomBytes.get(documentName) ?? 0) + verdict.update.length
    if (stored > this.deps.limits.maxRoomBytes) {
      this.deps.logger.log('warn', 'room_too_large', { document: documentName, bytes: stored })
      throw new Refusal('room-full')
    }
    await this.deps.store.append(documentName, verdict.update)
    this.roomBytes.set(documentName, stored)
  }
}

/** The client's address for logs (the proxy's `x-forwarded-for` is not trusted blindly). */
export function remoteOf(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown'
}
