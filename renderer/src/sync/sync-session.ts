import type * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import type { Awareness } from 'y-protocols/awareness'
import {
  DEFAULT_GUARD_LIMITS,
  presenceStateSchema,
  serverEndpoints,
  type GuardLimits,
  type Peer,
  type PresenceUser,
  type PresenceView,
} from '../../../shared/sync'
import type { ExternalStore } from '../store/useY'
import { guardConnections, type Rejection } from './guard-conns'
import { CONNECT_DEADLINE_MS, LinkMonitor } from './link-monitor'
import { RelayLinks } from './relay-links'
import { PresenceTracker } from './presence-tracker'
import { deviceId } from './device-id'
import { historyOf } from '../history/recorder'
import { ServerLink, type ServerState } from './server-link'
import { ClockSync } from './clock-sync'

/** What the connection indicator shows: what actually arrives, not y-webrtc's connection flags. */
export interface SyncStatus {
  /**
   * Other people here now: one per device among the presences heard of in the last seconds, while
   * some link delivers messages (0 when none does).
   */
  peers: number
  /**
   * Nobody heard from, but links exist: `reconnecting` when one that delivered went quiet,
   * `connecting` when they have delivered nothing yet.
   */
  pending: 'connecting' | 'reconnecting' | undefined
  /** Signaling servers currently connected, of `signalingTotal`. */
  signalingConnected: number
  signalingTotal: number
  /** The browser's idea of being on a network; when false we are offline (still saving locally). */
  isOnline: boolean
  /** Messages the guard dropped since the session started. */
  rejected: number
  /** The always-on server the sprint is shared with, if any, and whether it has every change. */
  server: ServerState | undefined
}

export interface SyncSessionOptions {
  room: string
  /** y-webrtc's `password`: encrypts signaling; never logged, never stored in localStorage. */
  secret: string
  /** Signaling server URLs (`ws://…`): the LAN server, the link's, and those in settings. */
  signaling: readonly string[]
  /** STUN/TURN servers. Default none: only LAN host candidates, no public server contacted. */
  iceServers?: readonly RTCIceServer[]
  /**
   * An always-on Sprintpad server's base address (`wss://…`): the sprint is also synced with its
   * copy there, and its signaling endpoint joins `signaling`.
   */
  server?: string
  user: PresenceUser
  /** This device's presence id (default: {@link deviceId}). */
  device?: string
  limits?: GuardLimits
  /** Called for every message the guard dropped or filtered (besides being counted). */
  onRejected?: (rejection: Rejection) => void
}

/** How often links are checked, presence heartbeats sent and expired, and the status redrawn. */
const TICK_MS = 250

/**
 * One sprint shared over y-webrtc: attaches a `WebrtcProvider` to the sprint's Y.Doc with the room
 * secret as password, the given signaling URLs and `iceServers` (none by default), puts the
 * hostile-peer guard in front of every peer, publishes this person's presence (heartbeated, see
 * {@link PresenceTracker}), drops links that deliver nothing ({@link LinkMonitor}), and exposes
 * the connection status and the people present as `useSyncExternalStore` stores. Remote updates are
 * applied with the provider's room as origin, so the sprint's UndoManager never reverts them.
 * When the browser goes offline the provider disconnects (edits keep saving locally); when it
 * comes back it reconnects and y-webrtc's sync step 1/2 merges both sides' edits.
 *
 * Lifecycle: construct to connect; {@link destroy} to leave (also via `OpenSprint.attach`).
 */
export class SyncSession {
  readonly provider: WebrtcProvider
  readonly awareness: Awareness
  readonly room: string
  private readonly doc: Y.Doc
  private readonly unguard: () => void
  private readonly statusListeners = new Set<() => void>()
  private readonly peerListeners = new Set<() => void>()
  private readonly timer: ReturnType<typeof setInterval>
  private readonly onRejected: ((r: Rejection) => void) | undefined
  private readonly links: LinkMonitor
  private readonly presence: PresenceTracker
  private readonly relays: RelayLinks
  private readonly clocks: ClockSync
  private readonly device: string
  private readonly server: ServerLink | undefined
  private status: SyncStatus
  private rejected = 0
  private awayState: Record<string, unknown> | null = null
  private isDestroyed = false
  private closed: Promise<void> = Promise.resolve()

  constructor(doc: Y.Doc, opts: SyncSessionOptions) {
    this.doc = doc
    this.room = opts.room
    this.onRejected = opts.onRejected
    const signaling = [...opts.signaling]
    if (opts.server) signaling.push(serverEndpoints(opts.server).signaling)
    this.provider = new WebrtcProvider(opts.room, doc, {
      signaling: [...new Set(signaling)],
      password: opts.secret,
      // Plenty for a planning meeting; y-webrtc's default adds randomness to avoid clusters.
      maxConns: 24,
      peerOpts: { config: { iceServers: [...(opts.iceServers ?? [])] } },
    })
    this.awareness = this.provider.awareness
    this.device = opts.device ?? deviceId()
    this.awareness.setLocalState({
      user: opts.user,
      editing: null,
      device: this.device,
      clock: Date.now(),
    })
    this.clocks = new ClockSync(this.awareness)
    this.links = new LinkMonitor(
      this.provider,
      opts.iceServers?.length ? CONNECT_DEADLINE_MS.withIceServers : CONNECT_DEADLINE_MS.lan,
    )
    this.presence = new PresenceTracker(this.awareness, this.device)
    this.relays = new RelayLinks(this.provider, this.awareness, doc, () => this.links.linkedIds())
    this.unguard = guardConnections(
      this.provider,
      doc,
      {
        report: (r) => this.reject(r),
        heard: (conn) => {
          if (!this.links.heard(conn)) return
          // The first peer heard from after being apart: keep the sprint as it is before what
          // they did meanwhile arrives (the message is applied after this returns).
          if (this.links.counts().live === 1) void historyOf(doc)?.beforeRemoteChanges()
          this.refreshStatus()
        },
      },
      opts.limits ?? DEFAULT_GUARD_LIMITS,
    )
    this.server = opts.server
      ? new ServerLink(doc, this.awareness, {
          server: opts.server,
          room: opts.room,
          secret: opts.secret,
          limits: opts.limits,
          onChange: () => this.refreshStatus(),
          onRejected: (reason) => this.reject({ peerId: 'server', reason, at: Date.now() }),
        })
      : undefined
    this.status = this.computeStatus()
    // y-webrtc makes the room (and its peer id) once the key is derived, in a `key.then` that
    // runs before this one.
    void this.provider.key.then(() => {
      const peer = this.provider.room?.peerId
      if (peer && !this.isDestroyed && this.awareness.getLocalState() !== null) {
        this.awareness.setLocalStateField('peer', peer)
      }
    })
    this.provider.on('peers', this.onPeers)
    this.awareness.on('change', this.onAwarenessChange)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('unhandledrejection', this.onUnhandledRejection)
    this.timer = setInterval(() => {
      if (!this.provider.shouldConnect) return
      this.links.check()
      this.relays.refresh()
      this.presence.tick()
      this.refreshStatus()
    }, TICK_MS)
    if (!navigator.onLine) this.pause()
  }

  /** Changes how others see me (settings). */
  setUser(user: PresenceUser): void {
    const cur: unknown = this.awareness.getLocalState()
    const parsed = presenceStateSchema.safeParse(cur).data
    this.awareness.setLocalState({
      ...parsed,
      user,
      editing: parsed?.editing ?? null,
      device: this.device,
    })
  }

  /** Announces the item I am editing (`null` when none). */
  setEditing(itemId: string | null): void {
    const cur = presenceStateSchema.safeParse(this.awareness.getLocalState())
    if (!cur.success || cur.data.editing === itemId) return
    this.awareness.setLocalStateField('editing', itemId)
  }

  /** Announces where I am in the sprint (`null`: not in the sprint view), for others to follow. */
  setView(view: PresenceView | null): void {
    const cur = presenceStateSchema.safeParse(this.awareness.getLocalState())
    if (!cur.success) return
    const was = cur.data.view ?? null
    if (was?.team === view?.team && was?.item === view?.item) return
    this.awareness.setLocalState({ ...cur.data, view, clock: Date.now() })
  }

  /** Announces that I present (project) the sprint, or stopped. */
  setPresenting(isPresenting: boolean): void {
    const cur = presenceStateSchema.safeParse(this.awareness.getLocalState())
    if (!cur.success || (cur.data.presenting ?? false) === isPresenting) return
    this.awareness.setLocalState({ ...cur.data, presenting: isPresenting, clock: Date.now() })
  }

  /** This device's presence id. */
  get deviceId(): string {
    return this.device
  }

  /** How far the others' clocks are from mine, by device (see {@link ClockSync}). */
  get clockStore(): ExternalStore<ReadonlyMap<string, number>> {
    return this.clocks.store
  }

  /**
   * Leaves the room: closes the peers, removes my presence. Safe to call twice. Resolves once
   * y-webrtc has released the room name (only then can the same room be joined again in this
   * page).
   */
  destroy(): Promise<void> {
    if (this.isDestroyed) return this.closed
    this.isDestroyed = true
    clearInterval(this.timer)
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.onOffline)
    window.removeEventListener('unhandledrejection', this.onUnhandledRejection)
    this.awareness.off('change', this.onAwarenessChange)
    this.provider.off('peers', this.onPeers)
    this.clocks.destroy()
    this.relays.destroy()
    this.unguard()
    // Tell the others I left now (else my presence lingers until it times out).
    this.awareness.setLocalState(null)
    // y-webrtc's destroy leaves the provider registered with the signaling connections (shared
    // per URL by the whole page), which then stay open, subscribed, for good; disconnecting
    // first releases them (a connection no provider uses any more is closed).
    if (this.provider.shouldConnect) this.provider.disconnect()
    this.provider.destroy()
    this.server?.destroy()
    const awareness = this.awareness
    // y-webrtc destroys the room in a `key.then`; ours runs after it.
    this.closed = Promise.resolve(this.provider.key).then(() => awareness.destroy())
    return this.closed
  }

  /**
   * Connections the link monitor gave up on so far (delivered nothing, or went silent): a healthy
   * session has none. For tests and benchmarks.
   */
  get droppedLinks(): number {
    return this.links.drops
  }

  /** The connection indicator's store. */
  readonly statusStore: ExternalStore<SyncStatus> = {
    subscribe: (onChange) => {
      this.statusListeners.add(onChange)
      return () => this.statusListeners.delete(onChange)
    },
    getSnapshot: () => this.status,
  }

  /** Everyone present (me first), with valid presence states only. */
  readonly peersStore: ExternalStore<readonly Peer[]> = {
    subscribe: (onChange) => {
      this.peerListeners.add(onChange)
      return () => this.peerListeners.delete(onChange)
    },
    getSnapshot: () => this.presence.peers,
  }

  private reject(r: Rejection): void {
    this.rejected++
    // The reason names the peer and the problem, never the payload or the secret.
    console.warn(`[sync] ignored a message from peer ${r.peerId.slice(0, 8)}: ${r.reason}`)
    this.onRejected?.(r)
    this.refreshStatus()
  }

  private computeStatus(): SyncStatus {
    const links = this.links.counts()
    const others = this.presence.peers.length - 1
    const server = this.server?.state
    // Through the server, colleagues are here as long as their presence keeps arriving.
    const isViaServer = server?.connection === 'connected' && others > 0
    let pending: SyncStatus['pending']
    if (links.live === 0 && links.quiet > 0) pending = 'reconnecting'
    else if (links.live === 0 && links.connecting > 0) pending = 'connecting'
    const signaling = new Set(this.provider.signalingConns as { connected: boolean }[])
    return {
      // A link that delivers without a valid presence (a peer of another version) still counts.
      peers: isViaServer ? others : links.live === 0 ? 0 : others > 0 ? others : links.live,
      pending,
      signalingConnected: [...signaling].filter((c) => c.connected).length,
      signalingTotal: this.provider.signalingUrls.length,
      isOnline: navigator.onLine,
      rejected: this.rejected,
      server,
    }
  }

  private readonly refreshStatus = (): void => {
    if (this.isDestroyed) return
    const next = this.computeStatus()
    const cur = this.status
    if (
      next.peers === cur.peers &&
      next.pending === cur.pending &&
      next.signalingConnected === cur.signalingConnected &&
      next.signalingTotal === cur.signalingTotal &&
      next.isOnline === cur.isOnline &&
      next.rejected === cur.rejected &&
      next.server === cur.server
    ) {
      return
    }
    this.status = next
    for (const l of [...this.statusListeners]) l()
  }

  private readonly onPeers = (e: { removed: string[] }): void => {
    this.presence.linksClosed(this.links.closed(e.removed))
    this.refreshStatus()
  }

  private readonly onAwarenessChange = (): void => {
    if (!this.presence.refresh()) return
    for (const l of [...this.peerListeners]) l()
    this.refreshStatus()
  }

  private readonly onOnline = (): void => {
    if (this.isDestroyed || this.provider.shouldConnect) return
    this.provider.connect()
    // y-webrtc's disconnect removed my presence; publish it again.
    if (this.awayState !== null) this.awareness.setLocalState(this.awayState)
    this.refreshStatus()
  }

  private readonly onOffline = (): void => {
    // Close the peers now rather than waiting for ICE to time out; edits keep saving locally.
    this.pause()
    this.refreshStatus()
  }

  /**
   * y-webrtc decrypts each signaling message with the room key and leaves a failed decryption
   * (a peer in the same room id without the secret) as an unhandled rejection of WebCrypto's
   * `OperationError`. Report it as an ignored message instead of an app error.
   */
  private readonly onUnhandledRejection = (e: PromiseRejectionEvent): void => {
    const reason: unknown = e.reason
    if (!(reason instanceof DOMException) || reason.name !== 'OperationError') return
    e.preventDefault()
    this.reject({
      peerId: 'signaling',
      reason: 'a signaling message our secret cannot decrypt (someone without the secret)',
      at: Date.now(),
    })
  }

  private pause(): void {
    if (!this.provider.shouldConnect) return
    this.awayState = this.awareness.getLocalState()
    this.provider.disconnect()
    // y-webrtc 10.3 keeps disconnected signaling conns in this list and would, on the next
    // disconnect, unregister the new conn of the same URL; start each connect from a clean list.
    this.provider.signalingConns = []
  }

  /** The doc this session syncs (for hooks that need it). */
  get document(): Y.Doc {
    return this.doc
  }
}
