import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint, editItemText, getItemText } from '../shared/doc'
import { launchProfile } from '../test/helpers/chromium'
import { serveStatic } from '../test/helpers/static-server'
import { seedSprints } from '../test/helpers/seed-sprints'
import { addFigure } from './summary'
import { time } from './figures'

/** The dev-only render counter the renderer exposes with `?renders` (see render-count.ts). */
interface RenderWindow {
  __sprintpadRenders?: { total: number; byName: Record<string, number> }
}

const TEAMS = 15
const ITEMS_PER_TEAM = 40
const EDITS = 50_000
const KEYSTROKES = 150
const SECTIONS = ['retro', 'hangover', 'okr', 'high', 'low'] as const

/** A deterministic pseudo-random generator (the heavy sprint is the same every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** 15 teams × 40 items, then 50k single-character edits (typing and deleting) in random items. */
function heavySprint(): { doc: Y.Doc; id: string; update: Uint8Array; firstItem: string } {
  const doc = new Y.Doc()
  const id = 'benchheavysprint'
  createSprint(doc, { id, title: 'Heavy sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  const items: string[] = []
  const rand = rng(42)
  for (let t = 0; t < TEAMS; t++) {
    const teamId = addTeam(doc, { name: `Team ${t + 1}` })
    for (let i = 0; i < ITEMS_PER_TEAM; i++) {
      const section = SECTIONS[i % SECTIONS.length] ?? 'high'
      items.push(
        addItem(doc, { teamId, section, text: `Item ${i + 1} of team ${t + 1}`, owners: ['ana'] }),
      )
    }
  }
  for (let e = 0; e < EDITS; e++) {
    const itemId = items[Math.floor(rand() * items.length)] ?? ''
    const len = getItemText(doc, itemId)?.length ?? 0
    const isDelete = len > 30 && rand() < 0.4
    const index = Math.floor(rand() * (len + 1))
    editItemText(doc, {
      itemId,
      index: isDelete ? Math.max(0, index - 1) : index,
      remove: isDelete ? 1 : 0,
      insert: isDelete ? '' : String.fromCharCode(97 + Math.floor(rand() * 26)),
    })
  }
  return { doc, id, update: Y.encodeStateAsUpdate(doc), firstItem: items[3 * 5] ?? '' }
}

async function bundleSize(dir: string): Promise<{ raw: number; gzip: number }> {
  let raw = 0
  let gzip = 0
  for (const f of await readdir(join(dir, 'assets'))) {
    if (!/\.(js|css)$/.test(f)) continue
    const bytes = await readFile(join(dir, 'assets', f))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip }
}

/** What index.html loads before anything shows: its scripts, module preloads and styles. */
async function firstScreenSize(dir: string): Promise<{ raw: number; gzip: number }> {
  const html = await readFile(join(dir, 'index.html'), 'utf8')
  let raw = 0
  let gzip = 0
  for (const [, file] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)) {
    const bytes = await readFile(join(dir, file ?? ''))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip }
}

/** Keystroke → next frame, measured in the page (the same probe for the app and a bare field). */
const LATENCY_PROBE = `(() => {
  window.__latencies = []
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => window.__latencies.push(performance.now() - t0)
      ch.port2.postMessage(0)
    })
  }, true)
})()`

/**
 * Records every long task (start, duration) in `window.__longTasks`, and when the heavy sprint's
 * first team's item and all its teams are first painted (`__shown`): a DOM observer notes when
 * they are in the page, the next frame's paint ends in the task after it (as LATENCY_PROBE).
 */
const OPEN_PROBE = `((firstItem, teams) => {
  window.__longTasks = []
  window.__shown = {}
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
  const painted = (name) => requestAnimationFrame(() => {
    const ch = new MessageChannel()
    ch.port1.onmessage = () => { window.__shown[name] = performance.now() }
    ch.port2.postMessage(0)
  })
  const seen = {}
  new MutationObserver(() => {
    if (!seen.first && document.querySelector('[data-team-id] textarea[data-item-id="' + firstItem + '"]')) {
      seen.first = true
      painted('first')
    }
    if (!seen.all && document.querySelectorAll('article[data-team-id]').length === teams) {
      seen.all = true
      painted('all')
    }
  }).observe(document, { childList: true, subtree: true })
})`

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export async function run(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-'))
  await build({
    configFile: resolve(import.meta.dirname, '../renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  const size = await bundleSize(outDir)
  const first = await firstScreenSize(outDir)
  console.log(
    `renderer bundle: ${(size.raw / 1024).toFixed(1)} KiB, gzip ${(size.gzip / 1024).toFixed(1)} KiB; ` +
      `first screen (index.html's scripts, preloads, styles): ${(first.raw / 1024).toFixed(1)} KiB, gzip ${(first.gzip / 1024).toFixed(1)} KiB`,
  )

  const started = performance.now()
  const heavy = heavySprint()
  console.log(
    `heavy sprint: ${TEAMS} teams × ${ITEMS_PER_TEAM} items, ${EDITS} edits, update ${(heavy.update.length / 1024).toFixed(0)} KiB (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  )

  // The bare page of the cold-start and typing baselines (the server answers index.html otherwise).
  await writeFile(join(outDir, 'blank.html'), '<!doctype html><title>blank</title>')
  const server = await serveStatic(outDir)
  const profile = await launchProfile({ viewport: { width: 1440, height: 900 } })
  try {
    const page = profile.context.pages()[0] ?? (await profile.context.newPage())
    await page.goto(`${server.url}/`)
    // Store the sprint the way y-indexeddb does (one merged update), plus its list entry.
    await seedSprints(page, [heavy.doc])

    // Cold start: navigation → the sprints list shows its sprint and New sprint works; bare: the
    // same server's empty page (what the browser itself takes to navigate here).
    const colds: number[] = []
    const blanks: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      await page.goto(`${server.url}/#/`)
      await page.getByRole('link', { name: /Heavy sprint/ }).waitFor()
      await page.getByRole('button', { name: 'New sprint', exact: true }).waitFor()
      colds.push(await page.evaluate(() => performance.now()))
      await page.goto('about:blank')
      await page.goto(`${server.url}/blank.html`)
      blanks.push(await page.evaluate(() => performance.now()))
    }
    colds.sort((a, b) => a - b)
    blanks.sort((a, b) => a - b)
    console.log(
      `navigation → sprints list interactive: median ${percentile(colds, 50).toFixed(0)} ms (an empty page: ${percentile(blanks, 50).toFixed(0)} ms)`,
    )

    const loads: number[] = []
    const firstTeams: number[] = []
    const longest: number[] = []
    const phases: Record<string, number[]> = {}
    // Long tasks (> 50 ms) on the main thread, recorded from the start of every page.
    await page.addInitScript(`${OPEN_PROBE}(${JSON.stringify(heavy.firstItem)}, ${TEAMS})`)
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank')
      await page.goto(`${server.url}/?renders#/sprint/${heavy.id}`)
      const shown = await page.waitForFunction(() => {
        const at = (window as unknown as { __shown?: { first?: number; all?: number } }).__shown
        return at?.first !== undefined && at.all !== undefined && at
      })
      const { first = NaN, all = NaN } = (await shown.jsonValue()) || {}
      firstTeams.push(first)
      loads.push(all)
      // What runs after the first team showed (the other teams, the preview, history) while the
      // user may already type: the longest task in the next 2 s.
      await page.waitForTimeout(2000)
      const run = await page.evaluate(() => ({
        tasks: (window as unknown as { __longTasks: [number, number][] }).__longTasks,
        marks: performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('sprintpad:'))
          .map((m) => [m.name.slice('sprintpad:'.length), m.startTime] as const),
      }))
      longest.push(Math.max(0, ...run.tasks.filter(([at]) => at >= first).map(([, d]) => d)))
      for (const [name, at] of run.marks) (phases[name] ??= []).push(at)
    }
    loads.sort((a, b) => a - b)
    firstTeams.sort((a, b) => a - b)
    longest.sort((a, b) => a - b)
    console.log(
      `opening, median ms from navigation: ${Object.entries(phases)
        .map(
          ([name, at]) =>
            `${name} ${percentile(
              [...at].sort((a, b) => a - b),
              50,
            ).toFixed(0)}`,
        )
        .join(
          ', ',
        )}; longest task after the first team showed: ${longest.map((x) => x.toFixed(0)).join(', ')} ms`,
    )
    // Bare: applying the same stored state to an empty Y.Doc (this process, the same V8).
    const bareOpen = time(() => Y.applyUpdate(new Y.Doc(), heavy.update), 5)
    console.log(
      `navigation → editable heavy sprint: median ${percentile(loads, 50).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(', ')}); ` +
        `first team's item editable: median ${percentile(firstTeams, 50).toFixed(0)} ms; bare Y.applyUpdate of the same state: ${bareOpen.toFixed(0)} ms`,
    )

    const field = page.locator(`textarea[data-item-id="${heavy.firstItem}"]`)
    await field.focus()
    await page.keyboard.press('Control+End')
    await page.evaluate(LATENCY_PROBE)
    const rendersBefore = await page.evaluate(
      () => (window as unknown as RenderWindow).__sprintpadRenders?.total ?? 0,
    )
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)))
      await page.waitForTimeout(25)
    }
    await page.waitForTimeout(300)
    const rendersAfter = await page.evaluate(
      () => (window as unknown as RenderWindow).__sprintpadRenders?.total ?? 0,
    )
    const byName = await page.evaluate(
      () => (window as unknown as RenderWindow).__sprintpadRenders?.byName ?? {},
    )
    const lat = (
      await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
    ).sort((a, b) => a - b)
    console.log(
      `keystroke → paint (${lat.length} keys): p50 ${percentile(lat, 50).toFixed(1)} ms, p95 ${percentile(lat, 95).toFixed(1)} ms`,
    )
    console.log(
      `React renders per keystroke: ${((rendersAfter - rendersBefore) / KEYSTROKES).toFixed(2)} (counted components, totals since load: ${JSON.stringify(byName)})`,
    )

    // Bare: the same keys into a plain textarea of an empty page, the same probe.
    await page.goto(`${server.url}/blank.html`)
    await page.setContent('<textarea aria-label="bare"></textarea>')
    await page.evaluate(LATENCY_PROBE)
    await page.getByLabel('bare').focus()
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.type(String.fromCharCode(97 + (i % 26)))
      await page.waitForTimeout(25)
    }
    await page.waitForTimeout(300)
    const bareLat = (
      await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)
    ).sort((a, b) => a - b)
    console.log(
      `bare textarea keystroke → paint (${bareLat.length} keys): p50 ${percentile(bareLat, 50).toFixed(1)} ms, p95 ${percentile(bareLat, 95).toFixed(1)} ms`,
    )

    addFigure({
      name: 'P2 open heavy sprint',
      app: percentile(loads, 50),
      bare: bareOpen,
      unit: 'ms',
      bareIs: 'Y.applyUpdate',
    })
    addFigure({
      name: 'P2 first team',
      app: percentile(firstTeams, 50),
      bare: bareOpen,
      unit: 'ms',
      bareIs: 'Y.applyUpdate',
    })
    addFigure({
      name: 'P2 longest task after first team',
      app: percentile(longest, 50),
      bare: 50,
      unit: 'ms',
      bareIs: 'goal',
    })
    addFigure({
      name: 'P3 keystroke p95',
      app: percentile(lat, 95),
      bare: percentile(bareLat, 95),
      unit: 'ms',
      bareIs: 'plain textarea',
    })
    addFigure({
      name: 'P5 cold start',
      app: percentile(colds, 50),
      bare: percentile(blanks, 50),
      unit: 'ms',
      bareIs: 'empty page',
    })
    addFigure({
      name: 'P5 first-screen gzip',
      app: first.gzip / 1024,
      bare: 150,
      unit: 'KiB',
      bareIs: 'goal',
    })
  } finally {
    await profile.remove()
    await server.stop()
    await rm(outDir, { recursive: true, force: true })
  }
}
