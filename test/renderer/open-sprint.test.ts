import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  readSprint,
  setItemText,
  setItemStatus,
} from '../../shared/doc'
import {
  mergeConcurrentCopies,
  reprioritiseItem,
  startNextSprint,
} from '../../shared/doc/next-sprint'
import { OpenSprint, sprintDbName } from '../../renderer/src/store/open-sprint'
import { sectionKey } from '../../renderer/src/store/structure-index'

describe('OpenSprint', () => {
  it('persists every update and restores it on the next open', async () => {
    expect(sprintDbName('abc')).toBe('sprintpad-sprint-abc')
    const first = await OpenSprint.open('s1')
    createSprint(first.doc, {
      id: 's1',
      title: 'T',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    const team = addTeam(first.doc, { name: 'Pipeline' })
    const item = addItem(first.doc, { teamId: team, section: 'high', text: 'Replay' })
    setItemText(first.doc, { itemId: item, text: 'Replay the DLQ' })
    await first.flushed()
    expect(first.saveStore.getSnapshot()).toBe('saved')
    await first.close()

    const second = await OpenSprint.open('s1')
    const view = readSprint(second.doc)
    expect(view.teams[0]?.sections.find((s) => s.key === 'high')?.items[0]?.text).toBe(
      'Replay the DLQ',
    )
    // Loading is not an edit: nothing to undo.
    expect(second.undo.undoStack).toHaveLength(0)
    await second.close()
  })

  it('undoes only local edits, never a remote one', async () => {
    const s = await OpenSprint.open('s2')
    createSprint(s.doc, { id: 's2', title: 'T', startDate: '2024-07-01', endDate: '2024-07-12' })
    s.undo.clear()
    const team = addTeam(s.doc, { name: 'A' })
    const item = addItem(s.doc, { teamId: team, section: 'high', text: 'mine' })
    s.undo.stopCapturing()
    // A colleague's change arrives through a provider (another origin).
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(s.doc))
    setItemStatus(remote, { itemId: item, status: 'checked' })
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(s.doc)), 'remote')
    s.undo.undo()
    const view = readSprint(s.doc)
    expect(view.teams).toHaveLength(0)
    s.undo.redo()
    const again = readSprint(s.doc).teams[0]?.sections.find((x) => x.key === 'high')?.items[0]
    expect(again?.status).toBe('checked')
    await s.close()
  })

  it('indexes structure, and typing does not change it', async () => {
    const s = await OpenSprint.open('s3')
    createSprint(s.doc, { id: 's3', title: 'T', startDate: '2024-07-01', endDate: '2024-07-12' })
    const team = addTeam(s.doc, { name: 'A' })
    const a = addItem(s.doc, { teamId: team, section: 'high', text: 'a' })
    const b = addItem(s.doc, { teamId: team, section: 'high', text: 'b' })
    const list = s.structure.childIds(sectionKey(team, 'high'))
    expect(list).toEqual([a, b])
    const version = s.structure.getVersion()
    setItemText(s.doc, { itemId: a, text: 'abc' })
    setItemStatus(s.doc, { itemId: a, status: 'checked' })
    expect(s.structure.getVersion()).toBe(version)
    expect(s.structure.childIds(sectionKey(team, 'high'))).toBe(list)
    addItem(s.doc, { teamId: team, section: 'high', parent: a, text: 'child' })
    expect(s.structure.getVersion()).toBe(version + 1)
    // Unchanged lists keep their identity, so React skips their rendering.
    expect(s.structure.childIds(sectionKey(team, 'high'))).toBe(list)
    expect(s.structure.childIds(a)).toHaveLength(1)
    await s.close()
  })

  it('tidies the duplicate copies two people re-prioritising at once made, after theirs arrive', async () => {
    const prev = new Y.Doc()
    createSprint(prev, { id: 'p', title: 'P', startDate: '2024-07-01', endDate: '2024-07-12' })
    const teamId = addTeam(prev, { name: 'Pipeline' })
    addItem(prev, { teamId, section: 'high', text: 'Replay the DLQ' })
    const s = await OpenSprint.open('s-tidy', { tidyDelayMs: 20 })
    startNextSprint(prev, s.doc, { title: 'N', startDate: '2024-07-15', endDate: '2024-07-26' })
    s.undo.clear()
    const high = (): string[] =>
      readSprint(s.doc)
        .teams[0]?.sections.find((x) => x.key === 'high')
        ?.items.map((i) => i.id) ?? []
    const hang =
      readSprint(s.doc).teams[0]?.sections.find((x) => x.key === 'hangover')?.items[0]?.id ?? ''
    // A colleague with the same sprint re-prioritises the same item at the same moment.
    const remote = new Y.Doc()
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(s.doc))
    const mine = reprioritiseItem(s.doc, { itemId: hang }) ?? ''
    const theirs = reprioritiseItem(remote, { itemId: hang }) ?? ''
    // My own change alone tidies nothing (and there is nothing to tidy).
    await new Promise((r) => setTimeout(r, 60))
    expect(high()).toEqual([mine])
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(s.doc)), 'remote')
    expect(high()).toHaveLength(2)
    if (mine > theirs) {
      // Mine is the second copy: this laptop removes it.
      await expect.poll(high).toEqual([theirs])
    } else {
      // Theirs is: this laptop leaves it to them, and their tidy arrives.
      await new Promise((r) => setTimeout(r, 60))
      expect(high()).toHaveLength(2)
      Y.applyUpdate(remote, Y.encodeStateAsUpdate(s.doc, Y.encodeStateVector(remote)))
      expect(mergeConcurrentCopies(remote)).toBe(1)
      Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(s.doc)), 'remote')
      expect(high()).toEqual([mine])
    }
    // The tidy is not an undo step of mine: the only one is my re-prioritising.
    expect(s.undo.undoStack).toHaveLength(1)
    await s.close()
  })
})
