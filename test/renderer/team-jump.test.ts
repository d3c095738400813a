import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint, readSprint, setMembers } from '../../shared/doc'
import { teamChoices } from '../../renderer/src/editor/TeamJumpDialog'

describe('teamChoices', () => {
  const doc = new Y.Doc()
  createSprint(doc, { id: 's', title: 'S', startDate: '2024-07-01', endDate: '2024-07-12' })
  const web = addTeam(doc, { name: 'Web analytics' })
  const data = addTeam(doc, { name: 'Data warehouse' })
  addTeam(doc, { name: 'Replay' })
  setMembers(doc, { teamId: web, members: ['ann', 'bob'] })
  addItem(doc, { teamId: data, section: 'high', text: 'Ship it', owners: ['Ann'] })
  const teams = readSprint(doc).teams

  it('matches every typed word anywhere in the name, in any case', () => {
    expect(teamChoices(teams, '', 'WEB', false).map((t) => t.name)).toEqual(['Web analytics'])
    expect(teamChoices(teams, '', 'ware da', false).map((t) => t.name)).toEqual(['Data warehouse'])
  })

  it('keeps my teams: member, support hero or owner of an item', () => {
    expect(teamChoices(teams, 'ann', '', true).map((t) => t.name)).toEqual([
      'Web analytics',
      'Data warehouse',
    ])
    expect(teamChoices(teams, '', '', true)).toEqual([])
  })
})
