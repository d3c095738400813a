import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import * as Y from 'yjs'
import type { Page } from 'playwright-core'
import { addItem, addTeam, createSprint, getItemText, itemsMap } from '../shared/doc'
import { launchProfile } from '../test/helpers/chromium'
import { seedSprints } from '../test/helpers/seed-sprints'
import { serveStatic } from '../test/helpers/static-server'
import { buildHarness } from '../test/renderer/sync/p2p-harness'
import { median, percentile } from './figures'
import { decodeSamples, lagReport, type LagReport } from './storage-lag'
import {
  drainStoreProbe,
  setProbeInterval,
  startStoreProbe,
  stopStoreProbe,
  type ProbeDrain,
} from './storage-probe'
import { addFigure } from './summary'

/**
 * Stored-state lag at 200 keys/s (issue 13, "Storage"): how far what IndexedDB holds trails what
 * the field holds while someone types fast, and how long after the last key the store holds
 * everything.
 *
 * "app": the production renderer, one sprint with one team and one item (stored the way
 * y-indexeddb stores it, seed-sprints.ts), its batched writes (store/batched-writes.ts). "bare":
 * the sync harness's `mode=store` page, y-indexeddb as it ships (one row per update) under a
 * Y.Text bound to a textarea. The same keys go to both, paced from here over the DevTools
 * protocol ({@link typePaced}), and the same probe (storage-probe.ts) reads the database every
 * {@link SAMPLE_MS} from the page while typing, then every {@link TAIL_SAMPLE_MS} after the last
 * key; the samples' rows are decoded here with Yjs. Runs alternate app and bare in one Chromium,
 * a fresh page (and database) each.
 */
const KEYS = 600
const RATE = 200
const RUNS = 5
const SAMPLE_MS = 100
const TAIL_SAMPLE_MS = 10
/** After the last key, how long to wait for the store to hold everything. */
const TAIL_LIMIT_MS = 10_000
/** The whole bench (two builds, 2 × RUNS bursts) ends by then, whatever happens. */
const DEADLINE_MS = 10 * 60_000

const TEXT = Array.from({ length: KEYS }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')

interface Subject {
  /** Opens a fresh page ready for typing (the field focused, its database open). */
  open: (page: Page, run: number) => Promise<{ dbName: string; selector: string }>
  textLength: (doc: Y.Doc) => number
}

/**
 * Sends `text` key by key at `rate` keys/s over the DevTools protocol: key i (its keyDown with
 * the character, then its keyUp, what Playwright's `keyboard.press` sends) goes at
 * start + i / rate, without waiting for the page to acknowledge the previous key, as a fast
 * typist does not wait for the screen. Awaiting each key (`keyboard.type` with a `delay`) adds
 * its round trip to every key: on this loaded machine that held the rate under 110 keys/s, and
 * lower in the app than in the bare page. Resolves once the page has taken every key, to the
 * rate the keys were sent at (keys/s; the page's own keydown times say how fast it took them).
 */
async function typePaced(page: Page, text: string, rate: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const sent: Promise<unknown>[] = []
    const start = performance.now()
    for (let i = 0; i < text.length; i++) {
      const wait = start + (i * 1000) / rate - performance.now()
      if (wait >= 1) await new Promise((r) => setTimeout(r, wait))
      const key = text[i] ?? 'x'
      const code = {
        code: `Key${key.toUpperCase()}`,
        windowsVirtualKeyCode: key.toUpperCase().charCodeAt(0),
      }
      sent.push(
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          key,
          text: key,
          unmodifiedText: key,
          ...code,
        }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, ...code }),
      )
    }
    const sentRate = ((text.length - 1) * 1000) / (performance.now() - start)
    await Promise.all(sent)
    return sentRate
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** A burst's lag, and the rate its keys were sent at (keys/s). */
interface Measured extends LagReport {
  sentRate: number
}

/** Types the burst into a fresh page of `subject` and follows the store until it caught up. */
async function measure(page: Page, subject: Subject, run: number): Promise<Measured> {
  const { dbName, selector } = await subject.open(page, run)
  await startStoreProbe(page, { dbName, selector, intervalMs: SAMPLE_MS })
  await page.waitForTimeout(3 * SAMPLE_MS)
  const sentRate = await typePaced(page, TEXT, RATE)
  await setProbeInterval(page, TAIL_SAMPLE_MS)
  const rows = new Map<number, Uint8Array>()
  const samples: ProbeDrain['samples'] = []
  const end = Date.now() + TAIL_LIMIT_MS
  for (;;) {
    const got = await drainStoreProbe(page)
    for (const [k, b64] of got.rows) rows.set(k, new Uint8Array(Buffer.from(b64, 'base64')))
    samples.push(...got.samples)
    const points = decodeSamples(samples, rows, subject.textLength)
    const report = lagReport(got.keydowns, points)
    if (report.drainMs !== undefined || Date.now() > end) {
      await stopStoreProbe(page)
      // Every key reached the field (it started empty): the figures are about the whole burst.
      const typed = points.at(-1)?.typed
      if (got.keydowns.length !== KEYS || typed !== KEYS) {
        throw new Error(`${got.keydowns.length} keydowns, ${typed ?? 0} characters of ${KEYS}`)
      }
      return { ...report, sentRate }
    }
    await page.waitForTimeout(200)
  }
}

/** The app: a seeded sprint with one team and one empty item, opened at its URL. */
function appSubject(url: string): Subject {
  return {
    open: async (page, run) => {
      const doc = new Y.Doc()
      const id = `benchstorage${run}`
      createSprint(doc, { id, title: 'Storage', startDate: '2024-07-01', endDate: '2024-07-12' })
      const teamId = addTeam(doc, { name: 'Storage' })
      const itemId = addItem(doc, { teamId, section: 'high', text: '' })
      await page.goto(`${url}/`)
      await seedSprints(page, [doc])
      await page.goto(`${url}/#/sprint/${id}`)
      const selector = `textarea[data-item-id="${itemId}"]`
      await page.locator(selector).focus()
      await page
        .getByRole('status', { name: 'Save state' })
        .filter({ hasText: 'Saved on this device' })
        .waitFor()
      // What opening starts after the first paint (other chunks, history, the list entry).
      await page.waitForTimeout(1000)
      return { dbName: `sprintpad-sprint-${id}`, selector }
    },
    // The sprint's only item.
    textLength: (doc) => {
      const [itemId] = [...itemsMap(doc).keys()]
      return itemId === undefined ? 0 : (getItemText(doc, itemId)?.length ?? 0)
    },
  }
}

/** Bare y-indexeddb: the sync harness's store page, a database of its own per run. */
function bareSubject(url: string): Subject {
  return {
    open: async (page, run) => {
      await page.goto(`${url}/sync-harness.html#mode=store&room=bench${run}-${Date.now()}`)
      await page.waitForFunction(
        () => (window as unknown as { harness?: { isSynced: boolean } }).harness?.isSynced,
      )
      const selector = 'textarea[aria-label="Bare text"]'
      await page.locator(selector).focus()
      const dbName = await page.evaluate(
        () => (window as unknown as { harness: { dbName: string } }).harness.dbName,
      )
      return { dbName, selector }
    },
    textLength: (doc) => doc.getText('text').length,
  }
}

function summarise(name: string, reports: Measured[]): { p95: number; drain: number } {
  const burst = reports.flatMap((r) => r.burst).sort((a, b) => a - b)
  const drains = reports.map((r) => r.drainMs ?? Infinity)
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : `> ${TAIL_LIMIT_MS}`)
  console.log(
    `${name}: keys/s taken by the page ${reports.map((r) => r.rate.toFixed(0)).join(' / ')} ` +
      `(sent at ${reports.map((r) => r.sentRate.toFixed(0)).join(' / ')}); lag while typing ` +
      `(${burst.length} samples) p50 ${f(percentile(burst, 50))} ms, p95 ${f(percentile(burst, 95))} ms, ` +
      `max ${f(burst.at(-1) ?? NaN)} ms; all stored after the last key: ${drains.map(f).join(' / ')} ms`,
  )
  return { p95: percentile(burst, 95), drain: median(drains) }
}

async function measureAll(cleanups: (() => Promise<void>)[]): Promise<void> {
  const appDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-storage-app-'))
  cleanups.push(() => rm(appDir, { recursive: true, force: true }))
  const harnessDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-storage-harness-'))
  cleanups.push(() => rm(harnessDir, { recursive: true, force: true }))
  await build({
    configFile: resolve(import.meta.dirname, '../renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appDir, emptyOutDir: true, sourcemap: false },
  })
  await buildHarness(harnessDir)
  const appServer = await serveStatic(appDir)
  cleanups.push(appServer.stop)
  const harnessServer = await serveStatic(harnessDir)
  cleanups.push(harnessServer.stop)
  const profile = await launchProfile()
  cleanups.push(profile.remove)
  const subjects = { app: appSubject(appServer.url), bare: bareSubject(harnessServer.url) }
  const reports: { app: Measured[]; bare: Measured[] } = { app: [], bare: [] }
  for (let run = 0; run < RUNS; run++) {
    for (const name of ['app', 'bare'] as const) {
      const page = await profile.context.newPage()
      try {
        reports[name].push(await measure(page, subjects[name], run))
      } finally {
        await page.close()
      }
    }
  }
  console.log(
    `stored-state lag, ${KEYS} keys paced at ${RATE}/s into one field, ${RUNS} runs each; ` +
      `IndexedDB read from the page every ${SAMPLE_MS} ms while typing, every ${TAIL_SAMPLE_MS} ms after`,
  )
  const app = summarise('app (batched writes)', reports.app)
  const bare = summarise('bare y-indexeddb (a row per update)', reports.bare)
  addFigure({
    name: 'P4 stored-state lag at 200 keys/s p95',
    app: app.p95,
    bare: bare.p95,
    unit: 'ms',
    bareIs: 'y-indexeddb',
  })
  addFigure({
    name: 'P4 all stored after the last key',
    app: app.drain,
    bare: bare.drain,
    unit: 'ms',
    bareIs: 'y-indexeddb',
    note: 'median of runs',
  })
}

export async function run(): Promise<void> {
  const cleanups: (() => Promise<void>)[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`storage bench over ${DEADLINE_MS} ms`)), DEADLINE_MS)
  })
  try {
    await Promise.race([measureAll(cleanups), deadline])
  } finally {
    clearTimeout(timer)
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
}
