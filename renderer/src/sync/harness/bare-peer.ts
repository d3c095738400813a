import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { LatencyLog, type HarnessConfig } from './harness-config'

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
  if (config.fields === 1) texts.push(bindField(doc.getText('text'), 'Bare text', root, log))
  for (let k = 1; config.fields > 1 && k <= config.fields; k++) {
    texts.push(bindField(doc.getText(`text-${k}`), `Bare text ${k}`, root, log))
  }
  return {
    doc,
    provider,
    log,
    peers: () => [...(provider.room?.webrtcConns.values() ?? [])].filter((c) => c.connected).length,
    text: () => texts.map((t) => t.toString()).join('\n'),
  }
}

/** A textarea labelled `label` that appends what is typed to `text` and shows its changes. */
function bindField(text: Y.Text, label: string, root: HTMLElement, log: LatencyLog): Y.Text {
  const area = document.createElement('textarea')
  area.setAttribute('aria-label', label)
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
  return text
}
