import * as Y from 'yjs'
import type { Page } from 'playwright-core'
import { readMeta, teamsMap } from '../../shared/doc'

/**
 * Runs in the page: stores sprints the way y-indexeddb does (one merged update each) with their
 * entries in the sprints list. Plain JavaScript text, so the bundler's helpers never leak into
 * the page.
 */
const SEED_SCRIPT = `async (sprints) => {
  const open = (name, up) => new Promise((ok, fail) => {
    const r = indexedDB.open(name, 1)
    r.onupgradeneeded = () => up(r.result)
    r.onsuccess = () => ok(r.result)
    r.onerror = () => fail(r.error)
  })
  const put = (db, store, value) => new Promise((ok, fail) => {
    const tx = db.transaction(store, 'readwrite')
    tx.objectStore(store).put(value)
    tx.oncomplete = () => ok()
    tx.onerror = () => fail(tx.error)
  })
  const reg = await open('sprintpad-registry', (db) => db.createObjectStore('sprints', { keyPath: 'id' }))
  for (const s of sprints) {
    const bytes = Uint8Array.from(atob(s.b64), (c) => c.charCodeAt(0))
    const db = await open('sprintpad-sprint-' + s.entry.id, (db) => {
      db.createObjectStore('updates', { autoIncrement: true })
      db.createObjectStore('custom')
    })
    await put(db, 'updates', bytes)
    db.close()
    await put(reg, 'sprints', s.entry)
  }
  reg.close()
}`

/** Stores these sprint documents in the page's IndexedDB, as if made on this device. */
export async function seedSprints(page: Page, docs: readonly Y.Doc[]): Promise<string[]> {
  const sprints = docs.map((doc, i) => {
    const meta = readMeta(doc)
    return {
      b64: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'),
      entry: {
        id: meta.id,
        title: meta.title,
        startDate: meta.startDate,
        endDate: meta.endDate,
        teamCount: teamsMap(doc).size,
        createdAt: i + 1,
        updatedAt: i + 1,
      },
    }
  })
  await page.evaluate(`(${SEED_SCRIPT})(${JSON.stringify(sprints)})`)
  return sprints.map((s) => s.entry.id)
}
