import type { WebrtcConn, WebrtcProvider } from 'y-webrtc'
import { PRESENCE_TIMEOUT_MS } from './presence-tracker'

/**
 * How long a new WebRTC connection may take to deliver its first message before it is retried,
 * randomised between the two. On a LAN (no STUN/TURN servers) a connection works within a second
 * or never; through STUN/TURN servers ICE may take several seconds.
 */
export const CONNECT_DEADLINE_MS = {
  lan: [3000, 5000],
  withIceServers: [8000, 12_000],
} as const satisfies Record<string, readonly [number, number]>

/**
 * How long an open connection may stay silent before it is dropped and retried. Every peer
 * heartbeats its presence every second (see presence-tracker.ts), so this is many missed
 * heartbeats: the link is dead (a peer that vanished without closing: ICE takes ~30 s to notice).
 */
export const SILENT_LINK_MS = 15_000

/** The connect deadline doubles with each stuck drop in a row to the same peer, this many times. */
const MAX_BACKOFF_STEPS = 3
/** The longest connect deadline, as a multiple of {@link CONNECT_DEADLINE_MS}. */
export const MAX_BACKOFF = 2 ** MAX_BACKOFF_STEPS

/** A link is live when a message arrived over it this recently: as long as a presence lasts. */
export const LIVE_LINK_MS = PRESENCE_TIMEOUT_MS

/** See {@link LinkMonitor.counts}. */
export interface LinkCounts {
  live: number
  quiet: number
  connecting: number
}

interface LinkRecord {
  /** When a message that passed the guard last arrived over it. */
  heardAt: number | undefined
  /** Randomised per connection, so two stuck sides do not retry in lockstep. */
  deadline: number
}

/**
 * What the WebRTC links of a provider actually do, judged by the messages that arrive over them,
 * never by y-webrtc's connection flags: `conn.connected` is true for a pair stuck after WebRTC
 * glare (both sides initiators, each reading only the data channel it made, so nothing flows), and
 * `conn.synced` is set only for connections made while the room was not yet synced (y-webrtc
 * 10.3's `readMessage` checks `room.synced`), so every later connection, such as a newcomer's,
 * never gets it.
 *
 * {@link check} drops a connection that delivered nothing within its deadline (stuck negotiation,
 * see {@link CONNECT_DEADLINE_MS}) or went silent for {@link SILENT_LINK_MS}; destroying the simple-peer emits
 * `close`, on which y-webrtc forgets the connection and announces itself again, so a fresh one
 * is made. {@link counts} sorts the connections by when they were last heard from.
 */
export class LinkMonitor {
  /** Connections dropped so far (stuck or silent). */
  drops = 0
  private readonly records = new WeakMap<WebrtcConn, LinkRecord>()
  /** Peers whose current connection delivered a message. */
  private readonly heardPeers = new Set<string>()
  /**
   * Connections to a peer dropped in a row for delivering nothing in time: each doubles the
   * next one's deadline (up to {@link MAX_BACKOFF}×), so on a machine too busy to connect within
   * the deadline the links still form instead of being dropped and remade forever.
   */
  private readonly stuckDrops = new Map<string, number>()

  constructor(
    private readonly provider: WebrtcProvider,
    private readonly deadline: readonly [number, number] = CONNECT_DEADLINE_MS.lan,
    private readonly random: () => number = Math.random,
  ) {}

  /** A message from `conn` passed the guard. Returns true when the link was not live before. */
  heard(conn: WebrtcConn, now = Date.now()): boolean {
    const r = this.record(conn, now)
    const wasLive = r.heardAt !== undefined && now - r.heardAt <= LIVE_LINK_MS
    r.heardAt = now
    this.heardPeers.add(conn.remotePeerId)
    this.stuckDrops.delete(conn.remotePeerId)
    return !wasLive
  }

  /**
   * Of these peers, whose connections just closed, the ones a message had arrived from over
   * them: links that ended. A connection that never delivered (a negotiation that failed, and
   * is retried, where no direct path exists) says nothing about whether its peer is still here.
   */
  closed(peerIds: readonly string[]): string[] {
    return peerIds.filter((id) => {
      const wasHeard = this.heardPeers.has(id)
      this.heardPeers.delete(id)
      return wasHeard
    })
  }

  /** Drops the connections that never delivered or went silent (call about once a second). */
  check(now = Date.now()): void {
    for (const conn of this.conns()) {
      if (conn.closed) continue
      const r = this.record(conn, now)
      const isStuck = r.heardAt === undefined && now > r.deadline
      const isSilent = r.heardAt !== undefined && now - r.heardAt > SILENT_LINK_MS
      if (!isStuck && !isSilent) continue
      this.drops++
      if (isStuck) {
        this.stuckDrops.set(conn.remotePeerId, (this.stuckDrops.get(conn.remotePeerId) ?? 0) + 1)
      }
      ;(conn.peer as { destroy: () => void }).destroy()
    }
  }

  /**
   * The connections by what arrives over them: `live`, a message within {@link LIVE_LINK_MS};
   * `quiet`, heard from before but not lately; `connecting`, nothing yet.
   */
  counts(now = Date.now()): LinkCounts {
    const counts = { live: 0, quiet: 0, connecting: 0 }
    for (const conn of this.conns()) {
      if (conn.closed) continue
      const heardAt = this.records.get(conn)?.heardAt
      if (heardAt === undefined) counts.connecting++
      else if (now - heardAt <= LIVE_LINK_MS) counts.live++
      else counts.quiet++
    }
    return counts
  }

  /**
   * The peer ids of the open connections that have delivered a message (live or quiet), sorted:
   * links that work, as far as anyone can tell before {@link check} drops a silent one. Not
   * {@link counts}' stricter `live`: on a machine too busy to keep heartbeats on time, links
   * would flicker between live and quiet.
   */
  linkedIds(): string[] {
    const ids: string[] = []
    for (const conn of this.conns()) {
      if (!conn.closed && this.records.get(conn)?.heardAt !== undefined) ids.push(conn.remotePeerId)
    }
    return ids.sort()
  }

  private conns(): Iterable<WebrtcConn> {
    return this.provider.room?.webrtcConns.values() ?? []
  }

  private record(conn: WebrtcConn, now: number): LinkRecord {
    let r = this.records.get(conn)
    if (!r) {
      const [min, max] = this.deadline
      const backoff = 2 ** Math.min(this.stuckDrops.get(conn.remotePeerId) ?? 0, MAX_BACKOFF_STEPS)
      r = { heardAt: undefined, deadline: now + backoff * (min + this.random() * (max - min)) }
      this.records.set(conn, r)
    }
    return r
  }
}
