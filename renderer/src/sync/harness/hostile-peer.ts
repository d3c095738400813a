import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import type { HarnessConfig } from './harness-config'

/**
 * A peer that knows the secret and sends whatever the test tells it to, straight into the data
 * channels (bypassing y-webrtc's encoder): random bytes, forged updates, hostile presence.
 */
export function startHostilePeer(config: HarnessConfig) {
  const doc = new Y.Doc()
  const provider = new WebrtcProvider(config.room, doc, {
    signaling: config.signaling,
    password: config.secret,
    peerOpts: { config: { iceServers: [] } },
  })
  const conns = () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected)
  return {
    doc,
    provider,
    peers: () => conns().length,
    /** Sends raw bytes to every connected peer. */
    sendRaw: (bytes: number[]) => {
      for (const c of conns())
        (c.peer as { send: (b: Uint8Array) => void }).send(new Uint8Array(bytes))
    },
  }
}
