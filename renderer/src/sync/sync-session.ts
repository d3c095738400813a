import type * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import type { Awareness } from 'y-protocols/awareness'
import {
  DEFAULT_GUARD_LIMITS,
  presenceStateSchema,
  type GuardLimits,
  type Peer,
  type PresenceUser,
} from '../../../shared/sync'
import type { ExternalStore } from '../store/useY'
import { guardConnections, type Rejection } from './guard-conns'
import { watchConnections } from './conn-watchdog'

/** What the connection indicator shows. */
export interface SyncStatus {
  /** Peers with an open WebRTC connection. */
  peers: number
  /** Signaling servers currently connected, of `signalingTotal`. */
  signalingConnected: number
  signalingTotal: number
  /** The browser's idea of being on a network; when false we are offline (still saving locally). */
  isOnline: boolean
  /** Messages the guard dropped since the session started. */
  rejected: number
}

export interface SyncSessionOptions {
  room: string
  /** y-webrtc's `password`: encrypts signaling; never logged, never stored in localStorage. */
  secret: string
  /** Signaling server URLs (`ws://…`): the LAN server, the link's, and those in settings. */
  signaling: readonly string[]
  /** STUN/TURN servers. Default none: only LAN host candidates, no public server contacted. */
  iceServers?: readonly RTCIceServer[]
  user: PresenceUser
  limits?: GuardLimits
  /** Called for every message the guard dropped or filtered (besides being counted). */
  onRejected?: (rejection: Rejection) => void
}

const STATUS_POLL_MS = 1000

/**
 * One sprint shared over y-webrtc: attaches a `WebrtcProvider` to the sprint's Y.Doc with the room
 * secret as password, the given signaling URLs and `iceServers` (none by default), puts the
 * hostile-peer guard in front of every peer, publishes this person's presence, and exposes the
 * connection status and the people present as `useSyncExternalStore` stores. Remote updates are
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
  private status: SyncStatus
  private peersSnapshot: readonly Peer[] = []
  private rejected = 0
  private awayState: Record<string, unknown> | null = null
  private isDestroyed = false
  private closed: Promise<void> = Promise.resolve()

  constructor(doc: Y.Doc, opts: SyncSessionOptions) {
    this.doc = doc
    this.room = opts.room
    this.onRejected = opts.onRejected
    this.provider = new WebrtcProvider(opts.room, doc, {
      signaling: [...opts.signaling],
      password: opts.secret,
      // Plenty for a planning meeting; y-webrtc's default adds randomness to avoid clusters.
      maxConns: 24,
      peerOpts: { config: { iceServers: [...(opts.iceServers ?? [])] } },
    })
    this.awareness = this.provider.awareness
    this.awareness.setLocalState({ user: opts.user, editing: null })
    this.unguard = guardConnections(
      this.provider,
      doc,
      (r) => this.reject(r),
      opts.limits ?? DEFAULT_GUARD_LIMITS,
    )
    this.status = this.computeStatus()
    this.peersSnapshot = this.computePeers()
    this.provider.on('peers', this.refreshStatus)
    this.provider.on('synced', this.refreshStatus)
    this.awareness.on('change', this.onAwarenessChange)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.onOffline)
    window.addEventListener('unhandledrejection', this.onUnhandledRejection)
    const watchdog = watchConnections(this.provider)
    this.timer = setInterval(() => {
      watchdog.check()
      this.refreshStatus()
    }, STATUS_POLL_MS)
    if (!navigator.onLine) this.pause()
  }

  /** Changes how others see me (settings). */
  setUser(user: PresenceUser): void {
    const cur: unknown = this.awareness.getLocalState()
    const editing = presenceStateSchema.safeParse(cur).data?.editing ?? null
    this.awareness.setLocalState({ user, editing })
  }

  /** Announces the item I am editing (`null` when none). */
  setEditing(itemId: string | null): void {
    const cur = presenceStateSchema.safeParse(this.awareness.getLocalState())
    if (!cur.success || cur.data.editing === itemId) return
    this.awareness.setLocalStateField('editing', itemId)
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
    this.provider.off('peers', this.refreshStatus)
    this.provider.off('synced', this.refreshStatus)
    this.unguard()
    // Tell the others I left now (else my presence lingers until it times out).
    this.awareness.setLocalState(null)
    this.provider.destroy()
    const awareness = this.awareness
    // y-webrtc destroys the room in a `key.then`; ours runs after it.
    this.closed = Promise.resolve(this.provider.key).then(() => awareness.destroy())
    return this.closed
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
    getSnapshot: () => this.peersSnapshot,
  }

  private reject(r: Rejection): void {
    this.rejected++
    // The reason names the peer and the problem, never the payload or the secret.
    console.warn(`[sync] ignored a message from peer ${r.peerId.slice(0, 8)}: ${r.reason}`)
    this.onRejected?.(r)
    this.refreshStatus()
  }

  private computeStatus(): SyncStatus {
    const conns = this.provider.room?.webrtcConns
    let peers = 0
    for (const conn of conns?.values() ?? []) if (conn.connected) peers++
    const signaling = new Set(this.provider.signalingConns as { connected: boolean }[])
    return {
      peers,
      signalingConnected: [...signaling].filter((c) => c.connected).length,
      signalingTotal: this.provider.signalingUrls.length,
      isOnline: navigator.onLine,
      rejected: this.rejected,
    }
  }

  private computePeers(): Peer[] {
    const out: Peer[] = []
    for (const [clientId, state] of this.awareness.getStates()) {
      const parsed = presenceStateSchema.safeParse(state)
      if (!parsed.success) continue
      out.push({ ...parsed.data, clientId, isSelf: clientId === this.awareness.clientID })
    }
    return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.clientId - b.clientId)
  }

  private readonly refreshStatus = (): void => {
    if (this.isDestroyed) return
    const next = this.computeStatus()
    const cur = this.status
    if (
      next.peers === cur.peers &&
      next.signalingConnected === cur.signalingConnected &&
      next.signalingTotal === cur.signalingTotal &&
      next.isOnline === cur.isOnline &&
      next.rejected === cur.rejected
    ) {
      return
    }
    this.status = next
    for (const l of [...this.statusListeners]) l()
  }

  private readonly onAwarenessChange = (): void => {
    this.peersSnapshot = this.computePeers()
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
