import { describe, expect, it } from 'vitest'
import { duplicateNamedTeams } from '../../renderer/src/editor/team-names'

describe('duplicate team names', () => {
  it('flags every team whose name another team has, whatever the case and spacing', () => {
    const teams = [
      { id: 'a', name: 'Ingestion' },
      { id: 'b', name: 'Web' },
      { id: 'c', name: ' ingestion  ' },
      { id: 'd', name: '' },
      { id: 'e', name: '' },
    ]
    expect([...duplicateNamedTeams(teams)].sort()).toEqual(['a', 'c'])
  })
})
