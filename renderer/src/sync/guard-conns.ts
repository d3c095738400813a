import type * as Y from 'yjs'
import type { WebrtcConn, WebrtcProvider } from 'y-webrtc'
import {
  DEFAULT_GUARD_LIMITS,
  describeError,
  guardPeerMessage,
  type GuardLimits,
} from '../../../shared/sync'

/** A message from a peer that the guard dropped (or filtered), for the report. */
export interface Rejection {
  /** y-webrtc's id of the remote peer (random per session; not a person). */
  peerId: string
  reason: string
  at: number
}

type DataListener = (data: Uint8Array) => void

/** The part of simple-peer's Peer (a Node-style stream) the guard needs. */
interface PeerEvents {
  listeners(event: 'data'): DataListener[]
  removeAllListeners(event: 'data'): void
  on(event: 'data', listener: DataListener): void
}

/**
 * Puts the guard between every WebRTC peer of `provider` and y-webrtc's message reader.
 *
 * Interception point (y-webrtc 10.3, src/y-webrtc.js): each `WebrtcConn` registers one `data`
 * listener on its simple-peer `Peer`, which decodes the message and applies sync updates to the
 * doc with `Y.applyUpdate`. The provider emits `peers` synchronously right after creating a
 * `WebrtcConn`, long before its data channel can open, so on every `peers` event we swap each new
 * conn's `data` listeners for one that runs {@link guardPeerMessage} first and calls the original
 * inside `try/catch`. A dropped message (and anything y-webrtc throws while applying) is
 * reported through `report`, never thrown into the app; `heard` learns of every message that
 * passed (what the connection indicator and the link monitor go by). The broadcast channel path
 * (other tabs of this same browser profile and origin) is not guarded: it carries only our own
 * code's messages.
 */
export function guardConnections(
  provider: WebrtcProvider,
  doc: Y.Doc,
  on: { report: (rejection: Rejection) => void; heard: (conn: WebrtcConn) => void },
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
): () => void {
  const guarded = new WeakSet<object>()
  const guardAll = (): void => {
    for (const [peerId, conn] of provider.room?.webrtcConns ?? []) {
      const peer = conn.peer as PeerEvents
      if (guarded.has(peer)) continue
      guarded.add(peer)
      const originals = peer.listeners('data')
      peer.removeAllListeners('data')
      peer.on('data', (data) => {
        const fail = (reason: string): void => on.report({ peerId, reason, at: Date.now() })
        const awareness = provider.awareness
        const own = {
          clientId: awareness.clientID,
          clock: awareness.meta.get(awareness.clientID)?.clock ?? 0,
        }
        const verdict = guardPeerMessage(doc, data, limits, own)
        if (!verdict.ok) return fail(verdict.reason)
        on.heard(conn)
        for (const reason of verdict.dropped) fail(reason)
        for (const listener of originals) {
          try {
            listener.call(peer, verdict.message)
          } catch (err) {
            fail(`message failed to apply: ${describeError(err)}`)
          }
        }
      })
    }
  }
  provider.on('peers', guardAll)
  guardAll()
  return () => provider.off('peers', guardAll)
}
