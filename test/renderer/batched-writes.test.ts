import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  getItemText,
  readSprint,
} from '../../shared/doc'
import { OpenSprint, sprintDbName } from '../../renderer/src/store/open-sprint'
import { WRITE_BATCH_MS } from '../../renderer/src/store/batched-writes'

/** The rows y-indexeddb has stored for a sprint. */
function storedRows(sprintId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(sprintDbName(sprintId))
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const count = db.transaction('updates', 'readonly').objectStore('updates').count()
      count.onsuccess = () => {
        db.close()
        resolve(count.result)
      }
      count.onerror = () => reject(count.error)
    }
  })
}

describe('batched IndexedDB writes', () => {
  it('stores a burst of keystrokes as one row, saved within the batch time', async () => {
    const s = await OpenSprint.open('b1')
    createSprint(s.doc, { id: 'b1', title: 'T', startDate: '2024-07-01', endDate: '2024-07-12' })
    const team = addTeam(s.doc, { name: 'Web' })
    const item = addItem(s.doc, { teamId: team, section: 'high', text: '' })
    await s.flushed()
    const before = await storedRows('b1')
    // 200 keystrokes, each its own update, as fast as a person never types.
    for (let i = 0; i < 200; i++)
      editItemText(s.doc, { itemId: item, index: i, remove: 0, insert: 'x' })
    expect(s.saveStore.getSnapshot()).toBe('saving')
    await new Promise((r) => setTimeout(r, WRITE_BATCH_MS * 3))
    expect(s.saveStore.getSnapshot()).toBe('saved')
    expect(await storedRows('b1')).toBe(before + 1)
    await s.close()
    const again = await OpenSprint.open('b1')
    const text = readSprint(again.doc).teams[0]?.sections.find((x) => x.key === 'high')?.items[0]
    expect(text?.text).toBe('x'.repeat(200))
    await again.close()
  })

  it('writes what is waiting when the sprint closes, before the batch time', async () => {
    const s = await OpenSprint.open('b2')
    createSprint(s.doc, {
      id: 'b2',
      title: 'Closed at once',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    await s.close()
    const again = await OpenSprint.open('b2')
    expect(readSprint(again.doc).meta.title).toBe('Closed at once')
    await again.close()
  })

  it('loads the stored state without encoding it again as an update', async () => {
    const s = await OpenSprint.open('b3')
    createSprint(s.doc, {
      id: 'b3',
      title: 'Stored',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    const team = addTeam(s.doc, { name: 'Web' })
    const item = addItem(s.doc, { teamId: team, section: 'high', text: 'Ship it' })
    await s.close()
    // Yjs encodes a transaction as an update only for a doc with an 'update' listener: while
    // the stored rows load, none may be attached (a heavy sprint's load would be encoded twice).
    const emit = vi.spyOn(Y.Doc.prototype, 'emit')
    try {
      const again = await OpenSprint.open('b3')
      const updates = emit.mock.calls.filter(([name]) => name === 'update')
      expect(updates).toEqual([])
      expect(readSprint(again.doc).teams[0]?.name).toBe('Web')
      // Writing starts once loaded: an edit now is stored.
      editItemText(again.doc, { itemId: item, index: 0, remove: 0, insert: '!' })
      expect(again.saveStore.getSnapshot()).toBe('saving')
      await again.close()
    } finally {
      emit.mockRestore()
    }
    const third = await OpenSprint.open('b3')
    expect(getItemText(third.doc, item)?.toString()).toBe('!Ship it')
    await third.close()
  })
})
