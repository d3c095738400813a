import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { LatencyLog, type HarnessConfig } from './harness-config'

/**
 * The baseline for the benchmark: bare y-webrtc and one Y.Text bound to a textarea by hand, no
 * React, no guard, no document model.
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
  const area = document.createElement('textarea')
  area.setAttribute('aria-label', 'Bare text')
  root.append(area)
  area.addEventListener('keydown', (e) => {
    if (e.key.length === 1) log.markTyped(area.value.length + 1)
  })
  area.addEventListener('input', () => {
    const cur = text.toString()
    // Append-only typing in the benchmark: insert what was added at the end.
    if (area.value.startsWith(cur)) text.insert(cur.length, area.value.slice(cur.length))
  })
  text.observe(() => {
    area.value = text.toString()
    log.markRendered(area.value.length)
  })
  return {
    doc,
    provider,
    log,
    peers: () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
    text: () => text.toString(),
  }
}
