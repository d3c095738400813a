import { parseSignalingUrls } from '../../../../shared/sync'

/**
 * Configuration of a test peer page, from the URL fragment (never sent to the static server):
 * `#mode=app&room=…&secret=…&s=ws://…&name=Ada&color=%230090ff&create=1`.
 */
export interface HarnessConfig {
  /**
   * `app`: the app's sync session and item fields; `bare`: y-webrtc + a Y.Text in a textarea;
   * `store`: y-indexeddb + a Y.Text in a textarea (no network, the database named after `room`);
   * `hostile`: a peer sending what the test says; `ui`: the share / join UI.
   */
  mode: 'app' | 'bare' | 'store' | 'hostile' | 'ui'
  room: string
  secret: string
  signaling: string[]
  name: string
  color: string
  handle: string
  /** Create the sprint (one peer does); the others receive it over the network. */
  isCreator: boolean
  items: number
  /** Bare mode: the number of text fields, each its own Y.Text (1: the single "Bare text"). */
  fields: number
}

export function readHarnessConfig(hash: string): HarnessConfig {
  const p = new URLSearchParams(hash.replace(/^#/, ''))
  const mode = p.get('mode')
  const signaling = parseSignalingUrls(p.getAll('s'))
  if (!signaling.ok) throw new Error(signaling.error)
  return {
    mode: mode === 'bare' || mode === 'store' || mode === 'hostile' || mode === 'ui' ? mode : 'app',
    room: p.get('room') ?? '',
    secret: p.get('secret') ?? '',
    signaling: signaling.value,
    name: p.get('name') ?? 'Peer',
    color: p.get('color') ?? '#0090ff',
    handle: p.get('handle') ?? '',
    isCreator: p.get('create') === '1',
    items: Number(p.get('items') ?? '3'),
    fields: Math.max(1, Number(p.get('fields') ?? '1') || 1),
  }
}

/** When each text length was reached, for latency measurements (append-only typing). */
export class LatencyLog {
  readonly typed = new Map<number, number>()
  readonly rendered = new Map<number, number>()
  markTyped(length: number): void {
    if (!this.typed.has(length)) this.typed.set(length, now())
  }
  markRendered(length: number): void {
    if (!this.rendered.has(length)) this.rendered.set(length, now())
  }
  dump(): { typed: [number, number][]; rendered: [number, number][] } {
    return { typed: [...this.typed], rendered: [...this.rendered] }
  }
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export function now(): number {
  return performance.timeOrigin + performance.now()
}
