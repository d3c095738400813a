import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { Page } from 'playwright-core'
import * as Y from 'yjs'
import { editItemText, readSprint, setSprintMeta } from '../shared/doc'
import {
  captureSprint,
  changedParts,
  diffMarkdown,
  restoreCheckpoint,
  type Capture,
} from '../shared/history'
import { summarizeSprint } from '../shared/overview'
import { launchProfile } from '../test/helpers/chromium'
import { serveStatic } from '../test/helpers/static-server'
import { seedSprints } from '../test/helpers/seed-sprints'
import { sprintSeries } from '../test/helpers/sprint-series'
import { buildHeavySprint } from './heavy-sprint'
import { median, time } from './figures'

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`
const ms = (n: number): string => `${n.toFixed(1)} ms`

/** Bytes a checkpoint adds to the store: its record, and the blobs not stored before. */
function storedBytes(c: Capture, stored: Set<string>): { record: number; blobs: number } {
  const parts = c.parts.map(({ key, label, hash }) => ({ key, label, hash }))
  const record = JSON.stringify({ parts }).length + c.stateVector.length
  let blobs = 0
  for (const p of c.parts) {
    if (stored.has(p.hash)) continue
    stored.add(p.hash)
    const blob = { hash: p.hash, data: p.data, markdown: p.markdown }
    blobs += new TextEncoder().encode(JSON.stringify(blob)).length
  }
  return { record, blobs }
}

/** The history's model costs on the heavy sprint, under Node. */
function modelFigures(doc: Y.Doc): void {
  // The reader alone, for scale: the machine is shared, so compare with this line of the same run.
  const read = time(() => readSprint(doc), 5)
  const capture = time(() => captureSprint(doc), 5)
  const first = captureSprint(doc)
  const stored = new Set<string>()
  const firstBytes = storedBytes(first, stored)
  editItemText(doc, { itemId: 'item-3-5', index: 0, remove: 0, insert: 'Edited: ' })
  const second = captureSprint(doc)
  const oneTeamBytes = storedBytes(second, stored)
  const diff = time(() => {
    for (const c of changedParts(first, second)) {
      const a = first.parts.find((p) => p.key === c.key)?.markdown ?? ''
      const b = second.parts.find((p) => p.key === c.key)?.markdown ?? ''
      diffMarkdown(a, b)
    }
  }, 9)
  setSprintMeta(doc, { title: 'Renamed' })
  const restoreMs = time(() => restoreCheckpoint(doc, first.parts, { kind: 'sprint' }), 3)
  const summary = time(() => summarizeSprint(readSprint(doc)), 5)
  // A planning meeting: a checkpoint every 5 minutes for 2 hours, 3 teams changed in each.
  const first_ = firstBytes.record + firstBytes.blobs
  const meeting = first_ + 24 * (oneTeamBytes.record + 3 * oneTeamBytes.blobs)
  console.log('| measure (Node, heavy sprint: 15 teams × 40 items, 50k edits) | value |')
  console.log('| --- | --- |')
  console.log(`| readSprint alone, for scale (median of 5) | ${ms(read)} |`)
  console.log(`| captureSprint (parts, Markdown, hashes), median of 5 | ${ms(capture)} |`)
  console.log(`| diff of the changed parts between two checkpoints, median of 9 | ${ms(diff)} |`)
  console.log(`| restore the whole sprint to a checkpoint, median of 3 | ${ms(restoreMs)} |`)
  console.log(`| summarizeSprint (overview), median of 5 | ${ms(summary)} |`)
  console.log(`| storage: first checkpoint (every part) | ${kb(first_)} |`)
  console.log(
    `| storage: a checkpoint where one team changed (record + that team) | ${kb(oneTeamBytes.record)} + ${kb(oneTeamBytes.blobs)} |`,
  )
  console.log(
    `| storage: a 2-hour meeting (24 checkpoints, 3 teams changed in each) | ${kb(meeting)} |`,
  )
}

/** Runs `script` (plain JS text: clicks, then waits in animation frames) and returns its ms. */
async function timed(page: Page, click: string, until: string): Promise<number> {
  return page.evaluate(`(async () => {
    const t0 = performance.now();
    ${click};
    await new Promise((ok) => { const check = () => (${until}) ? ok() : requestAnimationFrame(check); check() })
    return performance.now() - t0
  })()`) as Promise<number>
}

const CLICK = (name: string): string =>
  `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)}).click()`

/** Opening History and the overview in the production renderer on the heavy sprint. */
async function browserFigures(heavy: Y.Doc): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-'))
  await build({
    configFile: resolve(import.meta.dirname, '../renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  const server = await serveStatic(outDir)
  const profile = await launchProfile({ viewport: { width: 1440, height: 900 } })
  try {
    const page = profile.context.pages()[0] ?? (await profile.context.newPage())
    await page.goto(`${server.url}/`)
    // Five sprints before the heavy one, for the trends.
    setSprintMeta(heavy, { startDate: '2024-12-02', endDate: '2024-12-13' })
    await seedSprints(page, [...sprintSeries(5, 2), heavy])
    await page.goto(`${server.url}/#/sprint/heavy`)
    await page.waitForSelector('textarea[data-item-id="item-3-5"]', { timeout: 60_000 })
    const field = page.locator('textarea[data-item-id="item-3-5"]')
    await field.focus()
    await page.keyboard.type(' typed after the checkpoint')
    await page.waitForTimeout(1500)
    const shown: number[] = []
    for (let i = 0; i < 3; i++) {
      shown.push(
        await timed(
          page,
          CLICK('History'),
          `document.querySelector('dialog.history-dialog[open]')`,
        ),
      )
      await page.keyboard.press('Escape')
      await page.waitForTimeout(300)
    }
    console.log(`History open → dialog painted: median ${ms(median(shown))}`)
    const history: number[] = []
    for (let i = 0; i < 3; i++) {
      history.push(
        await timed(
          page,
          CLICK('History'),
          `document.querySelector('article[aria-label="Changes in Team 3"] table')`,
        ),
      )
      await page.keyboard.press('Escape')
      await page.waitForTimeout(300)
    }
    console.log(
      `History open → diff of "Now" shown (heavy sprint): median ${ms(median(history))} (${history.map((x) => x.toFixed(0)).join(', ')})`,
    )

    const charts = `document.querySelectorAll('figure .chart-plot svg').length >= 6`
    const first = await timed(page, CLICK('Overview'), charts)
    console.log(
      `sprint → Overview, first time (chart chunk loaded, heavy sprint closed): ${ms(first)}`,
    )
    const fromSprint: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto(`${server.url}/#/sprint/heavy`)
      await page.waitForSelector('textarea[data-item-id="item-3-5"]', { timeout: 60_000 })
      fromSprint.push(await timed(page, CLICK('Overview'), charts))
    }
    console.log(
      `sprint → Overview again (chunk cached; the heavy sprint's summary kept as it closes): median ${ms(median(fromSprint))} (${fromSprint.map((x) => x.toFixed(0)).join(', ')})`,
    )
    const fromList: number[] = []
    for (let i = 0; i < 3; i++) {
      await page.goto(`${server.url}/#/`)
      await page.waitForSelector('.sprint-list')
      fromList.push(await timed(page, CLICK('Overview'), charts))
    }
    console.log(
      `sprints list → Overview (summaries kept): median ${ms(median(fromList))} (${fromList.map((x) => x.toFixed(0)).join(', ')})`,
    )
    // A fresh page with no summary kept: the overview reads all 6 sprints from IndexedDB.
    await page.goto('about:blank')
    await page.goto(`${server.url}/#/`)
    await page.evaluate(
      `new Promise((ok) => { const r = indexedDB.deleteDatabase('sprintpad-overview'); r.onsuccess = r.onerror = r.onblocked = () => ok() })`,
    )
    await page.reload()
    await page.waitForSelector('.sprint-list')
    const cold = await timed(page, CLICK('Overview'), charts)
    console.log(
      `sprints list → Overview, nothing kept (loads the 6 sprints, the heavy one included): ${ms(cold)}`,
    )
  } finally {
    await profile.remove()
    await server.stop()
    await rm(outDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<void> {
  const { loadavg } = await import('node:os')
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')} (2 cores)`,
  )
  const doc = new Y.Doc()
  buildHeavySprint(doc)
  modelFigures(doc)
  const heavy = new Y.Doc()
  buildHeavySprint(heavy)
  await browserFigures(heavy)
}
