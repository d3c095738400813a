import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { SprintRegistry, type SprintEntry } from '../../renderer/src/store/registry'

function entry(id: string, startDate: string, createdAt = 0): SprintEntry {
  return { id, title: id, startDate, endDate: startDate, teamCount: 0, createdAt, updatedAt: 1 }
}

describe('SprintRegistry', () => {
  it('persists entries, newest first, and purges deletes that were not undone', async () => {
    const a = new SprintRegistry()
    await a.load()
    await a.put(entry('old', '2024-06-17'))
    await a.put(entry('new', '2024-07-01'))
    await a.put(entry('gone', '2024-07-15'))
    await a.put(entry('back', '2024-05-01'))
    await a.markDeleted('gone')
    await a.markDeleted('back')
    await a.restore('back')
    expect(a.store.getSnapshot().map((e) => e.id)).toEqual(['new', 'old', 'back'])
    await a.update('new', { title: 'Renamed', teamCount: 3 })
    a.close()

    const purged: string[] = []
    const b = new SprintRegistry()
    await b.load(async (id) => {
      purged.push(id)
    })
    expect(purged).toEqual(['gone'])
    expect(b.store.getSnapshot().map((e) => [e.id, e.title, e.teamCount])).toEqual([
      ['new', 'Renamed', 3],
      ['old', 'old', 0],
      ['back', 'back', 0],
    ])
    b.close()
  })
})
