import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addTeam, createSprint, removeTeam, setSprintMeta, teamsMap } from '../../shared/doc'
import { defaultTemplate } from '../../shared/template'
import { SprintRegistry } from '../../renderer/src/store/registry'
import { entryFieldsOf, syncRegistryEntry } from '../../renderer/src/store/registry-sync'

function sprintDoc(teams: string[]): Y.Doc {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 's1',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    template: defaultTemplate(),
  })
  for (const name of teams) addTeam(doc, { name })
  return doc
}

describe('the sprints list entry of a sprint', () => {
  it('counts only well-formed teams', () => {
    const doc = sprintDoc(['Pipeline', 'Growth'])
    ;(teamsMap(doc) as Y.Map<unknown>).set('junk', 5)
    // The empty id is reserved for the issue's own sections: never a team.
    teamsMap(doc).set('', new Y.Map())
    expect(entryFieldsOf(doc).teamCount).toBe(2)
  })

  it('follows teams added and removed, and a title and dates changed inside the sprint', async () => {
    const factory = new IDBFactory()
    const registry = new SprintRegistry(factory)
    await registry.load()
    const doc = sprintDoc(['Pipeline', 'Growth', 'Replay'])
    await syncRegistryEntry(registry, 's1', doc, false)
    expect(registry.get('s1')?.teamCount).toBe(3)
    const [teamId = ''] = [...teamsMap(doc).keys()]
    removeTeam(doc, { teamId })
    setSprintMeta(doc, { title: 'Sprint 42', startDate: '2024-07-02', endDate: '2024-07-13' })
    await syncRegistryEntry(registry, 's1', doc, true)
    registry.close()

    const reread = new SprintRegistry(factory)
    await reread.load()
    expect(reread.get('s1')).toMatchObject({
      title: 'Sprint 42',
      startDate: '2024-07-02',
      endDate: '2024-07-13',
      teamCount: 2,
    })
    reread.close()
  })

  it('repairs a stale entry on open, even before the list finished loading from disk', async () => {
    const factory = new IDBFactory()
    const first = new SprintRegistry(factory)
    await first.load()
    const doc = sprintDoc([])
    await syncRegistryEntry(first, 's1', doc, true)
    const stamp = first.get('s1')?.updatedAt
    first.close()
    await new Promise((r) => setTimeout(r, 5))

    // The window closed before the last edits reached the list: it still says 0 teams.
    addTeam(doc, { name: 'Pipeline' })
    addTeam(doc, { name: 'Growth' })
    const second = new SprintRegistry(factory)
    const synced = syncRegistryEntry(second, 's1', doc, false)
    await second.load()
    await synced
    expect(second.get('s1')?.teamCount).toBe(2)
    // Opening is not editing: the list order (edited time) stays.
    expect(second.get('s1')?.updatedAt).toBe(stamp)
    second.close()

    const third = new SprintRegistry(factory)
    await third.load()
    expect(third.get('s1')?.teamCount).toBe(2)
    third.close()
  })
})
