import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import { HocuspocusProvider } from '@hocuspocus/provider'
import {
  DEFAULT_GUARD_LIMITS,
  guardServerMessage,
  serverCredentials,
  serverEndpoints,
  type GuardLimits,
} from '../../../shared/sync'

/** A message as the provider's `onMessage` takes it. */
type ProviderMessage = Parameters<HocuspocusProvider['onMessage']>[0]

/** Where the sprint stands with its always-on server. */
export interface ServerState {
  /**
   * `connecting` (also while retrying), `connected` (authenticated, in sync), `offline` (the
   * server cannot be reached; retrying), `refused` (the server refused this sprint's token).
   */
  connection: 'connecting' | 'connected' | 'offline' | 'refused'
  /** True when every local change has been acknowledged by the server. */
  isSaved: boolean
}

/**
 * The sprint's link to an always-on Sprintpad server (issue 11): a Hocuspocus provider on the
 * sprint's Y.Doc and the session's awareness, beside y-webrtc. It opens the server's copy with
 * the name and token derived from the room (`serverCredentials`: the secret never leaves the
 * laptop), reconnects by itself, and sends what was edited offline when it comes back (Yjs sync
 * step 1/2). Every message from the server passes {@link guardServerMessage} first: the server
 * relays other clients, so it gets the same guard as a peer; a refused message is reported and
 * dropped. {@link state} says whether the sprint is saved on the server.
 */
export class ServerLink {
  private readonly provider: HocuspocusProvider
  private current: ServerState = { connection: 'connecting', isSaved: false }
  private isDestroyed = false
  /** The server refused the token (until it accepts it on a later attempt). */
  private isRefused = false

  constructor(
    doc: Y.Doc,
    awareness: Awareness,
    opts: {
      server: string
      room: string
      secret: string
      limits?: GuardLimits
      onChange: () => void
      onRejected: (reason: string) => void
    },
  ) {
    const { documentName, token } = serverCredentials(opts.room, opts.secret)
    this.provider = new HocuspocusProvider({
      url: serverEndpoints(opts.server).sync,
      name: documentName,
      document: doc,
      awareness,
      token,
    })
    const limits = opts.limits ?? DEFAULT_GUARD_LIMITS
    const read = this.provider.onMessage.bind(this.provider)
    // The websocket hands each message to `provider.onMessage`: guard it on the way in.
    this.provider.onMessage = (event: ProviderMessage) => {
      const own = {
        clientId: awareness.clientID,
        clock: awareness.meta.get(awareness.clientID)?.clock ?? 0,
      }
      const bytes = new Uint8Array(event.data as ArrayBuffer | Uint8Array)
      const verdict = guardServerMessage(doc, bytes, limits, own)
      if (!verdict.ok) return opts.onRejected(verdict.reason)
      for (const reason of verdict.dropped) opts.onRejected(reason)
      // The provider reads only `data` (its types name the `ws` package's event, not the DOM's).
      read({ data: verdict.message } as unknown as ProviderMessage)
    }
    const update = (): void => {
      if (this.isDestroyed) return
      const next = this.compute()
      if (next.connection === this.current.connection && next.isSaved === this.current.isSaved)
        return
      this.current = next
      opts.onChange()
    }
    this.provider.on('status', update)
    this.provider.on('synced', update)
    this.provider.on('unsyncedChanges', update)
    this.provider.on('authenticationFailed', () => {
      this.isRefused = true
      update()
    })
    this.provider.on('authenticated', () => {
      this.isRefused = false
      update()
    })
  }

  /** Where the sprint stands with the server now. */
  get state(): ServerState {
    return this.current
  }

  /** Disconnects for good (the awareness and the doc stay: they belong to the session). */
  destroy(): void {
    this.isDestroyed = true
    this.provider.destroy()
  }

  private compute(): ServerState {
    const status = this.provider.configuration.websocketProvider.status
    const isOpen = status === 'connected'
    let connection: ServerState['connection']
    if (this.isRefused) connection = 'refused'
    else if (isOpen && this.provider.isSynced) connection = 'connected'
    else if (status === 'disconnected') connection = 'offline'
    else connection = 'connecting'
    return {
      connection,
      isSaved: connection === 'connected' && !this.provider.hasUnsyncedChanges,
    }
  }
}
