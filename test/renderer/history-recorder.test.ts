import 'fake-indexeddb/auto'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addItem, addTeam, createSprint, editItemText, renameTeam } from '../../shared/doc'
import { exportTeam } from '../../shared/markdown'
import {
  HistoryStore,
  deleteHistoryData,
  historyDbName,
} from '../../renderer/src/history/history-store'
import { HistoryRecorder, historyOf } from '../../renderer/src/history/recorder'

const ANN = { name: 'Ann', color: '#e5484d', handle: 'ann' }
const REMOTE = { name: 'remote' }
let n = 0

function sprint(): Y.Doc {
  const doc = new Y.Doc()
  createSprint(doc, { id: 's', title: 'Sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  addTeam(doc, { id: 'web', name: 'Web' })
  addItem(doc, { id: 'w1', teamId: 'web', section: 'high', text: 'Ship' })
  return doc
}

/** A clock the test moves by hand. */
function clock(start = new Date(2024, 6, 1, 9).getTime()) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function recorder(doc: Y.Doc, now: () => number, id = `s${n++}`) {
  const store = await HistoryStore.open(id)
  const r = HistoryRecorder.start(doc, store, () => ANN, { now, quietMs: 5, maxWaitMs: 20 })
  return { r, id }
}

describe('history recorder', () => {
  it('takes a checkpoint when the sprint opens, and none when nothing changed', async () => {
    const doc = sprint()
    const c = clock()
    const { r, id } = await recorder(doc, c.now)
    expect((await r.list()).map((x) => x.reason)).toEqual(['opened'])
    expect(historyOf(doc)).toBe(r)
    r.destroy()
    expect(historyOf(doc)).toBeUndefined()
    c.advance(60_000)
    const again = await recorder(doc, c.now, id)
    expect((await again.r.list()).map((x) => x.reason)).toEqual(['opened'])
    again.r.destroy()
  })

  it('takes one after minutes of editing once typing pauses, naming the editor', async () => {
    const doc = sprint()
    const c = clock()
    const { r } = await recorder(doc, c.now)
    await r.list()
    editItemText(doc, { itemId: 'w1', index: 4, remove: 0, insert: ' it' })
    await wait(30)
    expect((await r.list()).map((x) => x.reason)).toEqual(['opened'])
    c.advance(5 * 60_000)
    editItemText(doc, { itemId: 'w1', index: 7, remove: 0, insert: ' now' })
    await wait(40)
    const list = await r.list()
    expect(list.map((x) => x.reason)).toEqual(['opened', 'editing'])
    expect(list[1]?.authors['team:web']?.map((a) => [a.name, a.changes])).toEqual([['Ann', 7]])
    r.destroy()
  })

  it("keeps the state before a colleague's changes that arrive after being apart", async () => {
    const doc = sprint()
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    const c = clock()
    const { r } = await recorder(doc, c.now)
    editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: 'Local: ' })
    const before = exportTeam(doc, 'web')
    renameTeam(peer, { teamId: 'web', name: 'Web (renamed apart)' })
    c.advance(3 * 60_000)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), REMOTE)
    const list = await r.list()
    expect(list.map((x) => x.reason)).toEqual(['opened', 'peer'])
    const store = await r.settled()
    const hash = list[1]?.parts.find((p) => p.key === 'team:web')?.hash ?? ''
    expect((await store.blobs([hash])).get(hash)?.markdown).toBe(before)
    // A second change right after is not "after being apart".
    renameTeam(peer, { teamId: 'web', name: 'Web again' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), REMOTE)
    expect((await r.list()).length).toBe(2)
    r.destroy()
  })

  it('a checkpoint asked for before a bulk change holds the state before it', async () => {
    const doc = sprint()
    const { r } = await recorder(doc, clock().now)
    editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: 'Before import: ' })
    const asked = historyOf(doc)?.checkpoint('import')
    addItem(doc, { teamId: 'web', section: 'high', text: 'Imported' })
    const c = await asked
    expect(c?.reason).toBe('import')
    const store = await r.settled()
    const hash = c?.parts.find((p) => p.key === 'team:web')?.hash ?? ''
    expect((await store.blobs([hash])).get(hash)?.markdown).toContain('- Before import: Ship')
    expect((await store.blobs([hash])).get(hash)?.markdown).not.toContain('Imported')
    r.destroy()
  })

  it('stores an unchanged team once, and thins old checkpoints by the retention rule', async () => {
    const doc = sprint()
    addTeam(doc, { id: 'infra', name: 'Infra' })
    const c = clock(new Date(2024, 6, 1, 9).getTime())
    const { r, id } = await recorder(doc, c.now)
    for (let i = 0; i < 3; i++) {
      c.advance(10 * 60_000)
      editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: `${i}` })
      await r.checkpoint('manual')
    }
    const store = await r.settled()
    // 4 checkpoints of 3 parts: the sprint and Infra parts are stored once, Web four times.
    expect(await store.size()).toMatchObject({ checkpoints: 4, blobs: 2 + 4 })
    // Two days later, the first day keeps one checkpoint: its last, with everyone's edits.
    c.advance(2 * 86_400_000)
    editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: 'x' })
    await r.checkpoint('manual')
    const list = await r.list()
    expect(list).toHaveLength(2)
    expect(list[0]?.authors['team:web']?.[0]?.changes).toBeGreaterThan(3)
    expect(await store.size()).toMatchObject({ checkpoints: 2, blobs: 2 + 2 })
    r.destroy()
    await deleteHistoryData(id)
    expect(historyDbName(id)).toBe(`sprintpad-history-${id}`)
  })

  it('carries the history to another device through its archive', async () => {
    const doc = sprint()
    const { r } = await recorder(doc, clock().now)
    editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: 'x' })
    await r.checkpoint('manual')
    const archive = await (await r.settled()).archive()
    r.destroy()
    const other = await HistoryStore.open('other-device')
    expect(await other.importArchive(archive)).toBe(2)
    expect(await other.importArchive(archive)).toBe(0)
    expect((await other.list()).map((x) => x.id)).toEqual(archive.checkpoints.map((x) => x.id))
    other.close()
  })

  it('takes one checkpoint of a sprint that is not open', async () => {
    const doc = sprint()
    const store = await HistoryStore.open('closed')
    const c = await HistoryRecorder.once(doc, store, 'next-sprint')
    expect(c?.reason).toBe('next-sprint')
    expect((await store.list()).map((x) => x.id)).toEqual([c?.id])
    store.close()
  })
})

describe('closing the sprint', () => {
  it('keeps an edit made since the last checkpoint, after the sprint has closed', async () => {
    const doc = sprint()
    const c = clock()
    const { r, id } = await recorder(doc, c.now)
    await r.list()
    c.advance(1000)
    editItemText(doc, { itemId: 'w1', index: 0, remove: 0, insert: 'Last words: ' })
    r.destroy()
    await wait(400)
    const store = await HistoryStore.open(id)
    const list = await store.list()
    expect(list.map((x) => x.reason)).toEqual(['opened', 'editing'])
    const hash = list[1]?.parts.find((p) => p.key === 'team:web')?.hash ?? ''
    expect((await store.blobs([hash])).get(hash)?.markdown).toContain('- Last words: Ship')
    store.close()
  })
})
