import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addItem, addTeam, createSprint, editItemText } from '../../shared/doc'
import { captureSprint, recordEditor, type Checkpoint, type PartBlob } from '../../shared/history'
import {
  NOW_ID,
  entryDiffs,
  entryParts,
  historyModel,
  resolveNow,
} from '../../renderer/src/history/history-model'

function setup() {
  const doc = new Y.Doc()
  createSprint(doc, { id: 's', title: 'Sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  addTeam(doc, { id: 'web', name: 'Web' })
  addItem(doc, { id: 'w1', teamId: 'web', section: 'high', text: 'Ship' })
  recordEditor(doc, { name: 'Ann', color: '#e5484d', handle: 'ann' })
  const c = captureSprint(doc)
  const checkpoint: Checkpoint = {
    id: 'c1',
    at: 1,
    reason: 'opened',
    parts: c.parts.map(({ key, label, hash }) => ({ key, label, hash })),
    stateVector: c.stateVector,
    authors: {
      'team:web': [{ clientId: doc.clientID, name: 'old name', color: '#000000', changes: 4 }],
    },
  }
  const stored = new Map<string, PartBlob>(c.parts.map((p) => [p.hash, p]))
  const blobs = async (hashes: Iterable<string>) =>
    new Map([...hashes].flatMap((h) => (stored.has(h) ? [[h, stored.get(h) as PartBlob]] : [])))
  return { doc, checkpoint, blobs }
}

describe('the History panel model', () => {
  it('names authors as the sprint knows them now', () => {
    const { doc, checkpoint, blobs } = setup()
    const model = historyModel(doc, [checkpoint], blobs, false)
    expect(model.entries.map((e) => e.id)).toEqual(['c1'])
    expect(model.entries[0]?.authors['team:web']?.[0]?.name).toBe('Ann')
  })

  it('captures "Now" only when asked, and drops it when nothing changed', () => {
    const { doc, checkpoint, blobs } = setup()
    const pending = historyModel(doc, [checkpoint], blobs, true)
    expect(pending.entries.map((e) => [e.id, e.isPending ?? false])).toEqual([
      [NOW_ID, true],
      ['c1', false],
    ])
    expect(resolveNow(pending, doc).entries.map((e) => e.id)).toEqual(['c1'])
  })

  it('diffs "Now" against the newest checkpoint, with who changed it', async () => {
    const { doc, checkpoint, blobs } = setup()
    editItemText(doc, { itemId: 'w1', index: 4, remove: 0, insert: ' it' })
    const model = resolveNow(historyModel(doc, [checkpoint], blobs, true), doc)
    expect(model.entries.map((e) => e.id)).toEqual([NOW_ID, 'c1'])
    const [web] = await entryDiffs(model, 0)
    expect(web?.label).toBe('Web')
    expect(web?.teamId).toBe('web')
    expect(web?.diff.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'context'))).toEqual([
      { kind: 'remove', text: '- Ship', oldLine: expect.any(Number) },
      { kind: 'add', text: '- Ship it', newLine: expect.any(Number) },
    ])
    expect(web?.authors.map((a) => [a.name, a.changes])).toEqual([['Ann', 3]])
    // The first checkpoint's changes: every part, added.
    const first = await entryDiffs(model, 1)
    expect(first.map((d) => [d.label, d.isAdded])).toEqual([
      ['Issue body (title, dates, sections)', true],
      ['Web', true],
    ])
    const stored = model.entries[1]
    if (!stored) throw new Error('no stored checkpoint')
    expect((await entryParts(model, stored)).map((p) => p.data.kind)).toEqual(['sprint', 'team'])
  })
})
