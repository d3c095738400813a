/** What one server lets clients do; every figure has a default ({@link DEFAULT_LIMITS}). */
export interface ServerLimits {
  /** Open sync connections, and separately signaling ones; further upgrades get 503. */
  maxConnections: number
  /** Connections to one sprint at once; further ones are refused with `room-full`. */
  maxConnectionsPerRoom: number
  /** Sprints one connection may open (Hocuspocus multiplexes documents over one socket). */
  maxDocumentsPerConnection: number
  /** Largest WebSocket message; a bigger one closes the connection (1009) unread. */
  maxMessageBytes: number
  /** Largest Yjs update in one message; a bigger one is refused and logged. */
  maxUpdateBytes: number
  /** Stored size of one sprint beyond which its updates are refused (`room-full`). */
  maxRoomBytes: number
  /** One awareness (presence) message, and one person's state in it. */
  maxAwarenessBytes: number
  maxAwarenessStateBytes: number
  /** Sustained messages per second per connection, and the burst allowed above it. */
  messagesPerSecond: number
  messageBurst: number
  /** Messages a connection may send for one sprint before it has authenticated to it. */
  maxMessagesBeforeAuth: number
}

/**
 * Defaults sized for planning teams: a heavy sprint (600 items, 50,000 edits of history) is
 * under 1 MiB, a person types a few keys a second, a room has a handful to a few dozen people.
 */
export const DEFAULT_LIMITS: ServerLimits = {
  maxConnections: 2048,
  maxConnectionsPerRoom: 64,
  maxDocumentsPerConnection: 32,
  maxMessageBytes: 8 * 1024 * 1024,
  maxUpdateBytes: 4 * 1024 * 1024,
  maxRoomBytes: 64 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  maxAwarenessStateBytes: 4 * 1024,
  messagesPerSecond: 200,
  messageBurst: 2000,
  maxMessagesBeforeAuth: 64,
}
