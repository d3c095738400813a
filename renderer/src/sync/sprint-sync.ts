import type * as Y from 'yjs'
import type { ExternalStore } from '../store/useY'
import { SyncSession } from './sync-session'
import type { SyncSettings } from './sync-settings'
import type { ShareReach } from './share-reach'
import {
  details,
  rememberSignaling,
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
    return {
      canServeLan: this.platform.canServeLanSignaling,
      signaling: [...new Set([...rememberedSignaling(this.sprintId), ...s.extraSignaling])],
      hasIceServers: s.iceServers.length > 0,
    }
  }

  /** Rejoins the sprint's room if it has one (call once after opening the sprint). */
  async resume(): Promise<void> {
    const key = await this.run(() => storedRoom(this.platform, this.sprintId))
    if (key) await this.share()
  }

  /** Shares the sprint (reusing its room if it has one) and connects. */
  async share(): Promise<void> {
    await this.stopSession()
    this.set({ ...this.state, phase: 'starting', error: undefined })
    const share = await this.run(() =>
      shareSprint(this.platform, this.sprintId, this.settings().extraSignaling),
    )
    if (!share || this.isDestroyed) return
    this.connect(share)
  }

  /** After joining from a link or code: remembers the room and its signaling, then connects. */
  async joined(info: {
    room: string
    secret: string
    signaling: readonly string[]
  }): Promise<void> {
    rememberSignaling(this.sprintId, info.signaling)
    await this.run(() =>
      this.platform.setRoom({ sprintId: this.sprintId, room: info.room, secret: info.secret }),
    )
    await this.share()
  }

  /**
   * Call when the settings were saved: a live session whose signaling or ICE servers changed
   * reconnects to the same room through the new ones, so nobody has to Leave and Rejoin. A new
   * name or colour needs no reconnect (the session announces it).
   */
  settingsChanged(): void {
    if (this.state.phase !== 'live' || this.isDestroyed) return
    if (connectionKey(this.settings()) !== this.connectedWith) void this.share()
  }

  /** Stops sharing: disconnects and forgets the room (sharing again makes a new one). */
  async stop(): Promise<void> {
    await this.stopSession()
    await this.run(() => stopSharing(this.platform, this.sprintId))
    this.set(LOCAL)
  }

  /** Leaves the room but keeps it: {@link share} (Rejoin) connects again. */
  async leave(): Promise<void> {
    await this.stopSession()
    this.set({ ...LOCAL, phase: 'left', share: this.state.share })
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

  private connect(share: ShareDetails): void {
    const s = this.settings()
    const signaling = [...new Set([...share.signaling, ...rememberedSignaling(this.sprintId)])]
    this.connectedWith = connectionKey(s)
    const session = new SyncSession(this.doc, {
      room: share.room,
      secret: share.secret,
      signaling,
      iceServers: s.iceServers,
      user: s.user,
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

/** What of the settings a session connects with: the extra signaling and the ICE servers. */
function connectionKey(s: SyncSettings): string {
  return JSON.stringify([s.extraSignaling, s.iceServers])
}
