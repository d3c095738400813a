import { afterEach, describe, expect, it } from 'vitest'
import {
  areTeamsPending,
  markTeamsPending,
  markTeamsRendered,
  resetTeamsPending,
  whenTeamsRendered,
} from '../../renderer/src/editor/progressive'

describe('waiting for a big sprint’s teams to render', () => {
  afterEach(resetTeamsPending)

  it('runs at once when every team is rendered', () => {
    const ran: string[] = []
    whenTeamsRendered(() => ran.push('jump'))
    expect(ran).toEqual(['jump'])
  })

  it('runs what waited, in order, once the last pass is rendered', () => {
    const ran: string[] = []
    markTeamsPending()
    expect(areTeamsPending()).toBe(true)
    whenTeamsRendered(() => ran.push('focus where left'))
    whenTeamsRendered(() => ran.push('jump'))
    expect(ran).toEqual([])
    markTeamsRendered()
    expect(ran).toEqual(['focus where left', 'jump'])
    expect(areTeamsPending()).toBe(false)
    markTeamsRendered()
    expect(ran).toHaveLength(2)
  })

  it('drops what waited when the sprint closes first', () => {
    const ran: string[] = []
    markTeamsPending()
    whenTeamsRendered(() => ran.push('jump'))
    resetTeamsPending()
    markTeamsRendered()
    expect(ran).toEqual([])
  })
})
