import type { Page } from 'playwright-core'
import type { StoreSample } from './storage-lag'

/**
 * In-page instrumentation of the storage benchmark, added with `page.evaluate` so the app and the
 * bare y-indexeddb page are measured alike and the renderer carries no bench code. Plain
 * JavaScript text, so the TypeScript loader's helpers never leak into the page.
 *
 * - Every printable `keydown` (capture phase, before the page's own handlers) is timed.
 * - Every `intervalMs` (after the previous read ended), one read-only transaction over y-indexeddb's
 *   `updates` store takes all its keys and the rows added since the last read: a consistent
 *   snapshot of what the database holds then. Its time and the field's length are taken when
 *   its last request answers. Rows are kept once (they never change; trimming deletes them and
 *   adds a merged row under a new key), and each sample lists the keys it saw.
 *
 * Opens its own connection to the database: call it only once the page has opened (created) it.
 */
const STORE_PROBE = `async ({ dbName, selector, intervalMs }) => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open(dbName)
    r.onsuccess = () => ok(r.result)
    r.onerror = () => fail(r.error)
  })
  const field = () => document.querySelector(selector)
  const keydowns = []
  document.addEventListener('keydown', (e) => {
    if (e.key.length === 1) keydowns.push(performance.now())
  }, true)
  const samples = []
  const fresh = []
  let maxKey
  let interval = intervalMs
  let running = true
  let failure
  const read = () => new Promise((ok, fail) => {
    const tx = db.transaction('updates', 'readonly')
    const store = tx.objectStore('updates')
    const since = maxKey === undefined ? null : IDBKeyRange.lowerBound(maxKey, true)
    const all = store.getAllKeys()
    const newKeys = store.getAllKeys(since)
    const newRows = store.getAll(since)
    newRows.onsuccess = () => {
      const at = performance.now()
      const el = field()
      samples.push({ at, fieldLength: el ? el.value.length : -1, keys: all.result })
      newKeys.result.forEach((k, i) => fresh.push([k, newRows.result[i]]))
      for (const k of newKeys.result) maxKey = maxKey === undefined || k > maxKey ? k : maxKey
    }
    tx.oncomplete = () => ok()
    tx.onerror = () => fail(tx.error)
    tx.onabort = () => fail(tx.error ?? new Error('aborted'))
  })
  const loop = async () => {
    while (running) {
      const t = performance.now()
      try {
        await read()
      } catch (e) {
        failure = String(e)
        running = false
      }
      await new Promise((r) => setTimeout(r, Math.max(0, interval - (performance.now() - t))))
    }
    db.close()
  }
  const b64 = (bytes) => {
    let s = ''
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(s)
  }
  window.__storeBench = {
    setInterval: (ms) => { interval = ms },
    stop: () => { running = false },
    drain: () => ({
      samples: samples.splice(0),
      rows: fresh.splice(0).map(([k, bytes]) => [k, b64(bytes)]),
      keydowns: keydowns.slice(),
      failure,
    }),
  }
  void loop()
}`

/** What the probe gathered since the last drain (the keydowns: all of them). */
export interface ProbeDrain {
  samples: StoreSample[]
  rows: [number, string][]
  keydowns: number[]
  /** The error that stopped the reads, if one did. */
  failure?: string
}

interface ProbeWindow {
  __storeBench: {
    setInterval: (ms: number) => void
    stop: () => void
    drain: () => ProbeDrain
  }
}

/** Starts timing keys and reading database `dbName` every `intervalMs`. */
export async function startStoreProbe(
  page: Page,
  options: { dbName: string; selector: string; intervalMs: number },
): Promise<void> {
  await page.evaluate(`(${STORE_PROBE})(${JSON.stringify(options)})`)
}

/** Reads every `ms` from now on. */
export async function setProbeInterval(page: Page, ms: number): Promise<void> {
  await page.evaluate((x) => (window as unknown as ProbeWindow).__storeBench.setInterval(x), ms)
}

/** The samples and new rows since the last drain, and every keydown so far. */
export async function drainStoreProbe(page: Page): Promise<ProbeDrain> {
  const out = await page.evaluate(() => (window as unknown as ProbeWindow).__storeBench.drain())
  if (out.failure) throw new Error(`the storage probe's read failed: ${out.failure}`)
  return out
}

/** Stops reading (the connection closes after the read under way). */
export async function stopStoreProbe(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as ProbeWindow).__storeBench.stop())
}
