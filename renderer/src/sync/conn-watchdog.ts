import type { WebrtcProvider } from 'y-webrtc'

/** How long a WebRTC connection may take to connect and sync before it is dropped and retried. */
const MIN_DEADLINE_MS = 6000
const MAX_DEADLINE_MS = 10_000

/**
 * Drops WebRTC connections that never get synced, so y-webrtc retries them.
 *
 * Why: when two peers announce themselves at the same moment (typically one leaves and rejoins
 * while the other re-announces on the closed connection), both become initiators. y-webrtc's
 * glare tokens then sometimes leave the pair half-negotiated, or "connected" over two data
 * channels that each side ignores (a simple-peer initiator only reads the channel it created),
 * so nothing ever flows and, since the conn stays in `room.webrtcConns`, later announcements are
 * ignored. A healthy connection syncs (receives sync step 2) well within a second on a LAN.
 * Destroying the stuck simple-peer emits `close`, on which y-webrtc removes the conn and announces
 * again. The deadline is randomised per connection so two stuck sides do not retry in lockstep.
 */
export function watchConnections(provider: WebrtcProvider): { check: () => void } {
  const deadlines = new WeakMap<object, number>()
  return {
    check: () => {
      const now = Date.now()
      for (const conn of provider.room?.webrtcConns.values() ?? []) {
        if (conn.synced || conn.closed) continue
        const deadline = deadlines.get(conn)
        if (deadline === undefined) {
          const span = MIN_DEADLINE_MS + Math.random() * (MAX_DEADLINE_MS - MIN_DEADLINE_MS)
          deadlines.set(conn, now + span)
        } else if (now > deadline) {
          ;(conn.peer as { destroy: () => void }).destroy()
        }
      }
    },
  }
}
