import type { Page } from 'playwright-core'
import {
  connectedPeers,
  newRoomParams,
  startWorld,
  waitFor,
  type P2PWorld,
} from '../test/renderer/sync/p2p-harness'

/**
 * Keystroke-to-remote-render latency over real WebRTC between separate Chromium processes on
 * loopback (signaling: the project's server on 127.0.0.1; no ICE servers). Measured from the
 * `keydown` in the typing peer to the remote peer's DOM showing the character (after React's
 * commit in the app; after the textarea write in the bare page), with both clocks read as
 * `performance.timeOrigin + performance.now()`. "app" is the sync harness (SyncSession: guard,
 * awareness, the sprint model and React); "bare" is y-webrtc + one Y.Text + a textarea.
 */
const EDITS = 240
const KEY_DELAY_MS = 15

interface Log {
  typed: [number, number][]
  rendered: [number, number][]
}

async function readLog(page: Page): Promise<Log> {
  return page.evaluate(() =>
    (window as unknown as { harness: { log: { dump: () => Log } } }).harness.log.dump(),
  )
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? NaN
}

async function measure(world: P2PWorld, mode: 'app' | 'bare', n: number): Promise<number[]> {
  const room = newRoomParams()
  const pages: Page[] = []
  const first = await world.openPeer({ ...room, mode, name: 'P0', create: '1', items: '1' })
  pages.push(first.page)
  for (let i = 1; i < n; i++)
    pages.push((await world.openPeer({ ...room, mode, name: `P${i}`, items: '1' })).page)
  const peersOf = (p: Page): Promise<number> =>
    mode === 'app'
      ? connectedPeers(p)
      : p.evaluate(() =>
          (window as unknown as { harness: { peers: () => number } }).harness.peers(),
        )
  await waitFor(
    `${n} ${mode} peers connected`,
    async () => (await Promise.all(pages.map(peersOf))).every((c) => c === n - 1),
    60_000,
  )
  const label = mode === 'app' ? 'Item item-1' : 'Bare text'
  for (const p of pages) await waitFor('field ready', () => p.getByLabel(label).isEnabled())
  const typist = pages[0] as Page
  await typist.getByLabel(label).click()
  const text = Array.from({ length: EDITS }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')
  await typist.keyboard.type(text, { delay: KEY_DELAY_MS })
  const receivers = pages.slice(1)
  const value = (p: Page): Promise<string> => p.getByLabel(label).inputValue()
  await waitFor(
    'all rendered',
    async () => (await Promise.all(receivers.map(value))).every((v) => v.length === EDITS),
    30_000,
  )
  const typed = new Map((await readLog(typist)).typed)
  const latencies: number[] = []
  for (const r of receivers) {
    for (const [length, at] of (await readLog(r)).rendered) {
      const start = typed.get(length)
      if (start !== undefined && length > 0) latencies.push(at - start)
    }
  }
  return latencies.sort((x, y) => x - y)
}

export async function run(): Promise<void> {
  const world = await startWorld()
  try {
    const rows: { peers: number; app: number[]; bare: number[] }[] = []
    for (const n of [2, 5]) {
      const app = await measure(world, 'app', n)
      await world.closePeers()
      const bare = await measure(world, 'bare', n)
      await world.closePeers()
      rows.push({ peers: n, app, bare })
    }
    console.log(
      `keystroke → remote render, ${EDITS} edits, one typist, Chromium processes on loopback`,
    )
    console.log(
      'peers | samples | app p50 / p95 (ms) | bare y-webrtc p50 / p95 (ms) | ratio p50 / p95',
    )
    for (const r of rows) {
      const [a50, a95, b50, b95] = [
        percentile(r.app, 50),
        percentile(r.app, 95),
        percentile(r.bare, 50),
        percentile(r.bare, 95),
      ]
      console.log(
        `${r.peers} | ${r.app.length} / ${r.bare.length} | ${a50.toFixed(2)} / ${a95.toFixed(2)} | ` +
          `${b50.toFixed(2)} / ${b95.toFixed(2)} | ${(a50 / b50).toFixed(2)} / ${(a95 / b95).toFixed(2)}`,
      )
    }
  } finally {
    await world.stop()
  }
}
