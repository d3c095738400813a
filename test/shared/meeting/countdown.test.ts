import { describe, expect, test } from 'vitest'
import {
  agendaOrder,
  countdownPhase,
  crossedMilestones,
  durationWords,
  formatCountdown,
  formatDuration,
  moveInAgenda,
  nextSpeaker,
} from '../../../shared/meeting'

describe('countdown', () => {
  test('phases: running, the last minute, over, paused', () => {
    expect(countdownPhase(61_000, false)).toBe('running')
    expect(countdownPhase(60_000, false)).toBe('lastMinute')
    expect(countdownPhase(1, false)).toBe('lastMinute')
    expect(countdownPhase(0, false)).toBe('over')
    expect(countdownPhase(-5_000, true)).toBe('paused')
  })

  test('milestones are signalled once, when crossed, never on the first look', () => {
    expect(crossedMilestones(undefined, 30_000)).toEqual([])
    expect(crossedMilestones(60_250, 59_750)).toEqual(['oneMinute'])
    expect(crossedMilestones(59_750, 59_500)).toEqual([])
    expect(crossedMilestones(250, -250)).toEqual(['zero'])
    expect(crossedMilestones(-250, -500)).toEqual([])
    // A laptop that slept through both.
    expect(crossedMilestones(90_000, -10_000)).toEqual(['oneMinute', 'zero'])
  })

  test('shown rounded up while time is left, as an overrun after', () => {
    expect(formatCountdown(5 * 60_000)).toBe('5:00')
    expect(formatCountdown(272_001)).toBe('4:33')
    expect(formatCountdown(400)).toBe('0:01')
    expect(formatCountdown(0)).toBe('+0:00')
    expect(formatCountdown(-65_900)).toBe('+1:05')
    expect(formatCountdown(3_723_000)).toBe('1:02:03')
    expect(formatDuration(372_400)).toBe('6:12')
    expect(durationWords(245_000)).toBe('4 min 5 s')
    expect(durationWords(45_000)).toBe('45 s')
    expect(durationWords(0)).toBe('0 s')
    expect(durationWords(3_720_000)).toBe('1 h 2 min')
  })
})

describe('agenda', () => {
  test('the stored order first, then teams added since, in sprint order; removed teams dropped', () => {
    expect(agendaOrder(['c', 'gone', 'a'], ['a', 'b', 'c', 'd'])).toEqual(['c', 'a', 'b', 'd'])
    expect(agendaOrder([], ['a', 'b'])).toEqual(['a', 'b'])
  })

  test('the next speaker follows the agenda; with nobody speaking, the first who has not spoken', () => {
    expect(nextSpeaker(['a', 'b', 'c'], 'a', {})).toBe('b')
    expect(nextSpeaker(['a', 'b', 'c'], 'c', {})).toBeUndefined()
    expect(nextSpeaker(['a', 'b', 'c'], '', { a: 1000 })).toBe('b')
    expect(nextSpeaker(['a', 'b', 'c'], 'removed', { a: 1, b: 2 })).toBe('c')
  })

  test('moving a team in the agenda stops at the ends', () => {
    expect(moveInAgenda(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c'])
    expect(moveInAgenda(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c'])
    expect(moveInAgenda(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c'])
  })
})
