import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus } from 'node:os'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, section, team } from '../test/helpers/app-page'
import { waitFor } from '../test/helpers/wait'
import { startWorld, type P2PWorld } from '../test/renderer/sync/p2p-harness'
import {
  clockOffset,
  lastFramedLength,
  latencies,
  probeFields,
  shownMarks,
  typedMarks,
  type Latencies,
} from './sync-probe'
import { addFigure } from './summary'
import { percentile } from './figures'
import { buildRenderer, runTracked, track } from './lifecycle'
import { openAppPeers, openBarePeers, shareWithAll } from './peers'
import { SprintpadServer } from '../main/server/server'
import { memoryLogger } from '../main/server/log'

/**
 * Keystroke-to-remote-render latency over real WebRTC between separate Chromium processes, each
 * with a fresh profile, on loopback: the project's signaling server on 127.0.0.1, no ICE servers.
 *
 * "app" is the real app, the production renderer built as for the e2e tests: peer 0 creates a
 * sprint, adds a team and an item and shares it from the Share panel; the others join with the
 * link in the Join dialog. "bare" is y-webrtc + one Y.Text bound to a textarea by hand (the sync
 * harness's bare page), through the same signaling server. Both are measured by the same probes
 * (sync-probe.ts): from the typist's `keydown` to the receiver writing the field's value ("value"),
 * and to the first animation frame that shows it ("frame"). In the app that path includes, on the
 * typist, the item's keydown and input handlers and the document model's edit with every doc
 * observer of the open sprint (persistence, backups, sprints list, export preview); y-webrtc; on the
 * receiver, the hostile-peer guard's decode, applying the update, those observers and the item
 * field's Y.Text observer, which writes the textarea directly (no React render). "frame" adds the
 * wait for the next frame (up to 16.7 ms at 60 Hz). Chromium rounds both clocks to 0.1 ms.
 */
const EDITS = 240
const KEY_DELAY_MS = 15
const PEER_COUNTS = [2, 5]
const SEED_TEXT = 'Bench item'
/** The whole run (builds, 4 meshes, typing) ends by then, whatever happens. */
const DEADLINE_MS = 10 * 60_000

interface Run {
  value: Latencies
  frame: Latencies
  expected: number
  /** Mean time between the typist's keystrokes, ms. */
  keyInterval: number
  /** Largest distance between a page's clock and this process's, ms. */
  clockSkew: number
}

/** The peers of the loaded variant (a CPU burner per core running while it is measured). */
const LOADED_PEERS = 5

interface Row {
  peers: number
  app: Run
  bare: Run
  isLoaded?: boolean
}

/** One busy-looping Node process per core; returns what stops them. */
function startBurners(): () => Promise<void> {
  const burners = cpus().map(() =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  )
  return async () => {
    for (const b of burners) b.kill('SIGKILL')
    await Promise.all(
      burners.map((b) =>
        b.exitCode !== null || b.signalCode !== null
          ? undefined
          : new Promise((ok) => b.once('exit', ok)),
      ),
    )
  }
}

/** Peer 0 types EDITS characters into the field; the others record when each one shows. */
async function typeAndMeasure(pages: Page[], selector: string, start: number): Promise<Run> {
  const [typist, ...receivers] = pages
  if (!typist) throw new Error('no typist')
  await typist.locator(selector).click()
  await typist.keyboard.press('Control+End')
  await Promise.all(pages.map((p) => probeFields(p, selector)))
  const text = Array.from({ length: EDITS }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')
  await typist.keyboard.type(text, { delay: KEY_DELAY_MS })
  await waitFor(
    'every receiver showing every edit',
    async () =>
      (await Promise.all(receivers.map((r) => lastFramedLength(r)))).every(
        (n) => n === start + EDITS,
      ),
    30_000,
  )
  const typed = await typedMarks(typist)
  const shown = await Promise.all(receivers.map((r) => shownMarks(r)))
  const offsets = await Promise.all(pages.map(clockOffset))
  const first = typed[0]?.[1] ?? NaN
  const lastTyped = typed.at(-1)?.[1] ?? NaN
  const written = shown.map((s) => s.written)
  const framed = shown.map((s) => s.framed)
  return {
    value: latencies(typed, written, start, EDITS),
    frame: latencies(typed, framed, start, EDITS),
    expected: EDITS * receivers.length,
    keyInterval: (lastTyped - first) / (typed.length - 1),
    clockSkew: Math.max(...offsets.map((o) => Math.abs(o.offset))),
  }
}

/** The item's section on a page of the app. */
function benchSection(page: Page) {
  return section(team(page, 'Bench'), 'High priority')
}

/**
 * As a person would: peer 0 creates a sprint, adds a team and an item, shares it from the Share
 * panel; every other peer joins with the link in the Join dialog. Once every peer shows the item
 * and the mesh is complete, resolves to the selector of the item's field (the same on every peer).
 */
async function shareAndJoin(pages: Page[], isServerOnly = false): Promise<string> {
  const [typist] = pages
  if (!typist) throw new Error('no typist')
  await createSprint(typist)
  await addTeam(typist, 'Bench')
  await benchSection(typist)
    .getByRole('button', { name: /^Add item/ })
    .click()
  await typist.keyboard.type(SEED_TEXT)
  await shareWithAll(
    pages,
    async (p) => (await itemTexts(benchSection(p))).join() === SEED_TEXT,
    isServerOnly,
  )
  const field = benchSection(typist).locator('textarea[data-item-id]')
  return `textarea[data-item-id="${(await field.getAttribute('data-item-id')) ?? ''}"]`
}

/** The real app on `n` peers, each from its own static server on 127.0.0.1. */
async function measureApp(n: number, root: string, signalingUrl: string): Promise<Run> {
  const { apps, close } = await openAppPeers(n, root, { signalingUrl })
  try {
    const pages = apps.map((a) => a.page)
    const selector = await shareAndJoin(pages)
    const run = await typeAndMeasure(pages, selector, SEED_TEXT.length)
    const errors = apps.flatMap((a) => a.errors).filter((m) => !/WebSocket|ERR_CONNECTION/.test(m))
    if (errors.length > 0) console.warn(`app page errors during the run: ${errors.join(' | ')}`)
    return run
  } finally {
    await close()
  }
}

/**
 * The real app on `n` peers syncing only through a Sprintpad server on 127.0.0.1 (its signaling
 * endpoint blocked in every browser, so they never meet as WebRTC peers): issue 11's "keystroke →
 * remote over the server against over y-webrtc".
 */
async function measureAppOverServer(n: number, root: string): Promise<Run> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-server-'))
  const closers: (() => Promise<void>)[] = [
    await track(() => rm(dataDir, { recursive: true, force: true })),
  ]
  try {
    const server = new SprintpadServer({
      host: '127.0.0.1',
      port: 0,
      dataDir,
      logger: memoryLogger(),
    })
    const url = `ws://127.0.0.1:${(await server.start()).port}`
    closers.push(await track(() => server.stop()))
    const { apps, close } = await openAppPeers(n, root, { signalingUrl: '', server: url })
    closers.push(close)
    const pages = apps.map((a) => a.page)
    const selector = await shareAndJoin(pages, true)
    return await typeAndMeasure(pages, selector, SEED_TEXT.length)
  } finally {
    await Promise.allSettled(closers.reverse().map((close) => close()))
  }
}

/** Bare y-webrtc on `n` peers (the sync harness's bare page). */
async function measureBare(n: number, world: P2PWorld): Promise<Run> {
  const { pages, close } = await openBarePeers(n, world)
  try {
    return await typeAndMeasure(pages, 'textarea[aria-label="Bare text"]', 0)
  } finally {
    await close()
  }
}

function report(rows: Row[]): void {
  console.log(
    `keystroke → remote render, ${EDITS} edits typed into one field by peer 0, every other peer ` +
      'receiving; separate Chromium processes on loopback',
  )
  console.log(
    'peers | to | samples app / bare | merged app / bare | app p50 / p95 (ms) | ' +
      'bare y-webrtc p50 / p95 (ms) | ratio app/bare p50 / p95',
  )
  const f = (x: number): string => x.toFixed(2)
  for (const r of rows) {
    for (const to of ['value', 'frame'] as const) {
      const [a, b] = [r.app[to], r.bare[to]]
      const [a50, a95, b50, b95] = [
        percentile(a.sorted, 50),
        percentile(a.sorted, 95),
        percentile(b.sorted, 50),
        percentile(b.sorted, 95),
      ]
      console.log(
        `${r.peers}${r.isLoaded ? ' loaded' : ''} | ${to} | ${a.sorted.length}/${r.app.expected} / ${b.sorted.length}/${r.bare.expected} | ` +
          `${a.merged} / ${b.merged} | ${f(a50)} / ${f(a95)} | ${f(b50)} / ${f(b95)} | ` +
          `${f(a50 / b50)} / ${f(a95 / b95)}`,
      )
    }
  }
  for (const r of rows) {
    addFigure({
      name: `P1 sync ${r.peers} peers${r.isLoaded ? ' loaded' : ''} p95`,
      app: percentile(r.app.value.sorted, 95),
      bare: percentile(r.bare.value.sorted, 95),
      unit: 'ms',
      bareIs: 'y-webrtc + Y.Text',
    })
  }
  console.log(
    'to value: the receiver wrote the field; to frame: the first animation frame showing it; ' +
      'merged: first shown together with a later keystroke (counted at that time)',
  )
  for (const r of rows) {
    console.log(
      `${r.peers} peers${r.isLoaded ? ' (loaded)' : ''}: a keystroke every ${f(r.app.keyInterval)} ms (app) / ` +
        `${f(r.bare.keyInterval)} ms (bare); page clocks within ` +
        `${f(Math.max(r.app.clockSkew, r.bare.clockSkew))} ms of the bench process's`,
    )
  }
}

function reportServer(server: Run, webrtc: Run | undefined): void {
  const f = (x: number): string => x.toFixed(2)
  const [s50, s95] = [percentile(server.value.sorted, 50), percentile(server.value.sorted, 95)]
  console.log(
    `app over the Sprintpad server alone, 2 peers: to value p50 / p95 ${f(s50)} / ${f(s95)} ms ` +
      `(${server.value.sorted.length}/${server.expected} samples; a keystroke every ${f(server.keyInterval)} ms)`,
  )
  if (!webrtc) return
  addFigure({
    name: 'P1 sync 2 peers via server p95',
    app: s95,
    bare: percentile(webrtc.value.sorted, 95),
    unit: 'ms',
    bareIs: 'the app over y-webrtc',
  })
}

async function measureAll(): Promise<void> {
  const outDir = await buildRenderer()
  const world = await startWorld()
  await track(() => world.stop())
  const rows: Row[] = []
  for (const n of PEER_COUNTS) {
    const app = await measureApp(n, outDir, world.signalingUrl)
    const bare = await measureBare(n, world)
    rows.push({ peers: n, app, bare })
  }
  // The app over its server alone, against the app over y-webrtc measured above.
  const overServer = await measureAppOverServer(2, outDir)
  // Loaded: a CPU burner process per core while both are measured, the app's and bare alike.
  const stopBurners = await track(startBurners())
  const app = await measureApp(LOADED_PEERS, outDir, world.signalingUrl)
  const bare = await measureBare(LOADED_PEERS, world)
  rows.push({ peers: LOADED_PEERS, app, bare, isLoaded: true })
  await stopBurners()
  report(rows)
  reportServer(overServer, rows[0]?.app)
}

export async function run(): Promise<void> {
  await runTracked('sync', DEADLINE_MS, measureAll)
}
