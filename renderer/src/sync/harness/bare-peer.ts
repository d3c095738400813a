import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { LatencyLog, type HarnessConfig } from './harness-config'
import { bindTextarea } from './text-binding'

/**
 * The baseline for the benchmark: bare y-webrtc and Y.Texts bound to textareas by hand, no
 * React, no guard, no document model. One field ("Bare text", Y.Text `text`) unless
 * `config.fields` asks for more ("Bare text 1"… bound to `text-1`…).
 */
export function startBarePeer(config: HarnessConfig, root: HTMLElement) {
  const doc = new Y.Doc()
  const provider = new WebrtcProvider(config.room, doc, {
    signaling: config.signaling,
    password: config.secret,
    peerOpts: { config: { iceServers: [] } },
  })
  const log = new LatencyLog()
  const texts: Y.Text[] = []
  if (config.fields === 1) texts.push(doc.getText('text'))
  for (let k = 1; config.fields > 1 && k <= config.fields; k++) texts.push(doc.getText(`text-${k}`))
  texts.forEach((text, i) =>
    bindTextarea(text, root, log, config.fields === 1 ? 'Bare text' : `Bare text ${i + 1}`),
  )
  return {
    doc,
    provider,
    log,
    peers: () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
    text: () => texts.map((t) => t.toString()).join('\n'),
  }
}
