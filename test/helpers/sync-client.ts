import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { serverEndpoints } from '../../shared/sync'
import { waitFor } from './wait'

/** A real `@hocuspocus/provider` client of a Sprintpad server, under Node (ws as WebSocket). */
export interface SyncClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Set once the server refused the token. */
  isRefused: () => boolean
  /** Resolves once the first sync with the server is done. */
  synced: () => Promise<void>
  /** Resolves once the server has acknowledged every local change. */
  acknowledged: () => Promise<void>
  close: () => void
}

/** Connects `doc` (a new one by default) to the server at `base` as `documentName`. */
export function connectClient(
  base: string,
  documentName: string,
  token: string,
  doc: Y.Doc = new Y.Doc(),
): SyncClient {
  let isRefused = false
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: serverEndpoints(base).sync,
    WebSocketPolyfill: WebSocket,
    // Tests restart servers: reconnect quickly.
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  })
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: documentName,
    token,
    document: doc,
    onAuthenticationFailed: () => {
      isRefused = true
    },
  })
  // A provider given its socket must be attached to it (one socket can serve several sprints).
  provider.attach()
  return {
    doc,
    provider,
    isRefused: () => isRefused,
    synced: () => waitFor('first sync with the server', () => provider.isSynced, 20_000),
    acknowledged: () =>
      waitFor('the server to acknowledge every change', () => !provider.hasUnsyncedChanges, 20_000),
    close: () => {
      provider.destroy()
      websocketProvider.destroy()
    },
  }
}
