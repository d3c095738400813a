import type * as Y from 'yjs'
import type { ExternalStore } from '../store/useY'
import { SyncSession } from './sync-session'
import type { SyncSettings } from './sync-settings'
import type { ShareReach } from './share-reach'
import {
  details,
  rememberServer,
  rememberSignaling,
  rememberedServer,
  rememberedSignaling,
  shareSprint,
  stopSharing,
  storedRoom,
  type ShareDetails,
  type SyncPlatform,
} from './rooms'
import { describeError } from '../../../shared/sync'

/** Where sharing of one open sprint stands. */
export interface SprintSyncState {
  phase: 'local' | 'starting' | 'live' | 'left' | 'error'
  session: SyncSession | undefined
  share: ShareDetails | undefined
  error: string | undefined
}

const LOCAL: SprintSyncState = {
  phase: 'local',
  session: undefined,
  share: undefined,
  error: undefined,
}

/**
 * Sharing of one open sprint: start ("Share this sprint"), stop (forget the room), leave (go
 * local, keep the room) and rejoin; a sprint that has a stored room rejoins when opened. Owns the
 * {@link SyncSession} while live. Create one per open sprint and {@link destroy} it with the
 * sprint (e.g. `openSprint.attach(sync)`).
 */
export class SprintSync {
  private state: SprintSyncState = LOCAL
  private readonly listeners = new Set<() => void>()
  private isDestroyed = false
  /** The settings the live session connected with (see {@link settingsChanged}). */
  private connectedWith = ''
  /** Share, join, leave, stop and reconnects run one after the other, never interleaved. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly sprintId: string,
    private readonly doc: Y.Doc,
    private readonly platform: SyncPlatform,
    private readonly settings: () => SyncSettings,
  ) {}

  /**
   * Who sharing now would reach: this device's LAN server (desktop), the signaling servers that
   * {@link share} would use (remembered for the sprint, from the settings), and ICE servers.
   */
  reach(): ShareReach {
    const s = this.settings()
    const server = rememberedServer(this.sprintId) || s.server
    return {
      canServeLan: this.platform.canServeLanSignaling,
      signaling: [...new Set([...rememberedSignaling(this.sprintId), ...s.extraSignaling])],
      hasIceServers: s.iceServers.length > 0,
      ...(server ? { server } : {}),
    }
  }

  /** Rejoins the sprint's room if it has one (call once after opening the sprint). */
  resume(): Promise<void> {
    return this.serial(async () => {
      const key = await this.run(() => storedRoom(this.platform, this.sprintId))
      if (key) await this.connectNow()
    })
  }

  /** Shares the sprint (reusing its room if it has one) and connects. */
  share(): Promise<void> {
    return this.serial(() => this.connectNow())
  }

  /** After joining from a link or code: remembers the room and its signaling, then connects. */
  joined(info: {
    room: string
    secret: string
    signaling: readonly string[]
    server?: string
  }): Promise<void> {
    return this.serial(async () => {
      rememberSignaling(this.sprintId, info.signaling)
      if (info.server) rememberServer(this.sprintId, info.server)
      await this.run(() =>
        this.platform.setRoom({ sprintId: this.sprintId, room: info.room, secret: info.secret }),
      )
      await this.connectNow()
    })
  }

  /**
   * Call when the settings were saved: a live session whose signaling or ICE servers changed
   * reconnects to the same room through the new ones, so nobody has to Leave and Rejoin. A new
   * name or colour needs no reconnect (the session announces it).
   */
  settingsChanged(): Promise<void> {
    return this.serial(async () => {
      if (this.state.phase !== 'live' || this.isDestroyed) return
      if (connectionKey(this.settings()) !== this.connectedWith) await this.connectNow()
    })
  }

  /** Stops sharing: disconnects and forgets the room (sharing again makes a new one). */
  stop(): Promise<void> {
    return this.serial(async () => {
      await this.stopSession()
      await this.run(() => stopSharing(this.platform, this.sprintId))
      this.set(LOCAL)
    })
  }

  /** Leaves the room but keeps it: {@link share} (Rejoin) connects again. */
  leave(): Promise<void> {
    return this.serial(async () => {
      await this.stopSession()
      this.set({ ...LOCAL, phase: 'left', share: this.state.share })
    })
  }

  destroy(): void {
    this.isDestroyed = true
    void this.stopSession()
    this.listeners.clear()
  }

  readonly store: ExternalStore<SprintSyncState> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.state,
  }

  /** Runs `op` after every operation queued before it (whether that one failed or not). */
  private serial(op: () => Promise<void>): Promise<void> {
    const next = this.queue.then(op, op)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** (Re)connects: the stored room (or a new one) through the current settings' servers. */
  private async connectNow(): Promise<void> {
    await this.stopSession()
    this.set({ ...this.state, phase: 'starting', error: undefined })
    const s = this.settings()
    const share = await this.run(() => shareSprint(this.platform, this.sprintId, s))
    if (!share || this.isDestroyed) return
    this.connect(share, s)
  }

  private connect(share: ShareDetails, s: SyncSettings): void {
    const signaling = [...new Set([...share.signaling, ...rememberedSignaling(this.sprintId)])]
    this.connectedWith = connectionKey(s)
    const session = new SyncSession(this.doc, {
      room: share.room,
      secret: share.secret,
      signaling,
      iceServers: s.iceServers,
      user: s.user,
      ...(share.server ? { server: share.server } : {}),
    })
    this.set({
      phase: 'live',
      session,
      share: details({ ...share, signaling }, share.isServingLan),
      error: undefined,
    })
  }

  private async stopSession(): Promise<void> {
    const session = this.state.session
    if (!session) return
    this.set({ ...this.state, session: undefined })
    await session.destroy()
  }

  private async run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn()
    } catch (err) {
      this.set({ ...this.state, phase: 'error', error: describeError(err) })
      return undefined
    }
  }

  private set(next: SprintSyncState): void {
    if (this.isDestroyed && next.session) void next.session.destroy()
    this.state = next
    for (const l of [...this.listeners]) l()
  }
}

/** What of the settings a session connects with: extra signaling, ICE servers, the server. */
function connectionKey(s: SyncSettings): string {
  return JSON.stringify([s.extraSignaling, s.iceServers, s.server])
}
