import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { LatencyLog, type HarnessConfig } from './harness-config'
import { bindTextarea } from './text-binding'

/**
 * The baseline for the sync benchmark: bare y-webrtc and one Y.Text bound to a textarea by hand,
 * no React, no guard, no document model.
 */
export function startBarePeer(config: HarnessConfig, root: HTMLElement) {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const provider = new WebrtcProvider(config.room, doc, {
    signaling: config.signaling,
    password: config.secret,
    peerOpts: { config: { iceServers: [] } },
  })
  const log = new LatencyLog()
  bindTextarea(text, root, log)
  return {
    doc,
    provider,
    log,
    peers: () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
    text: () => text.toString(),
  }
}
