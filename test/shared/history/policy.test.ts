import { describe, expect, it } from 'vitest'
import {
  APART_MS,
  EDITING_INTERVAL_MS,
  checkpointsToKeep,
  isAfterBeingApart,
  isEditingCheckpointDue,
  type Timed,
} from '../../../shared/history'

/** Local time, as the rule reads it (whatever the machine's time zone). */
function at(day: number, hour: number, minute = 0): number {
  return new Date(2024, 6, day, hour, minute).getTime()
}

function ids(list: Timed[], now: number, rule?: Parameters<typeof checkpointsToKeep>[2]): string[] {
  return [...checkpointsToKeep(list, now, rule)].sort()
}

describe('retention: all of today, hourly for a week, daily before', () => {
  const now = at(20, 18)

  it('keeps every checkpoint of today', () => {
    const today = [at(20, 9), at(20, 9, 5), at(20, 9, 10), at(20, 17, 59)].map((t, i) => ({
      id: `t${i}`,
      at: t,
    }))
    expect(ids(today, now)).toEqual(['t0', 't1', 't2', 't3'])
  })

  it('keeps the newest of each hour in the week before today', () => {
    const list = [
      { id: 'a', at: at(19, 10, 5) },
      { id: 'b', at: at(19, 10, 50) },
      { id: 'c', at: at(19, 11, 1) },
      { id: 'd', at: at(14, 10, 0) },
      { id: 'e', at: at(14, 10, 30) },
      { id: 'now', at: at(20, 17) },
    ]
    expect(ids(list, now)).toEqual(['b', 'c', 'e', 'now'])
  })

  it('keeps the newest of each day before that', () => {
    const list = [
      { id: 'old1', at: at(2, 9) },
      { id: 'old2', at: at(2, 16) },
      { id: 'old3', at: at(3, 8) },
      { id: 'now', at: at(20, 17) },
    ]
    expect(ids(list, now)).toEqual(['now', 'old2', 'old3'])
  })

  it('always keeps the newest checkpoint, even an old one, and one from a clock ahead', () => {
    expect(ids([{ id: 'only', at: at(1, 9) }], now)).toEqual(['only'])
    const ahead = [
      { id: 'future', at: at(21, 9) },
      { id: 'x', at: at(10, 9) },
      { id: 'y', at: at(10, 10) },
    ]
    expect(ids(ahead, now)).toEqual(['future', 'y'])
  })

  it('bounds today by the newest maxToday', () => {
    const today = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, at: at(20, 8, i) }))
    expect(ids(today, now, { hourlyDays: 7, maxToday: 3 })).toEqual(['t7', 't8', 't9'])
  })

  it('stays bounded over a long history', () => {
    // One checkpoint every 5 minutes, around the clock, for 60 days.
    const list: Timed[] = []
    for (let t = at(20, 18) - 60 * 86_400_000; t <= now; t += 5 * 60_000)
      list.push({ id: String(t), at: t })
    // Today: 18 h × 12 + 1 = 217, over the bound of 200. Then 7 × 24 hours, and the days from
    // May 21 to July 12 (53).
    expect(checkpointsToKeep(list, now).size).toBe(200 + 7 * 24 + 53)
    expect(checkpointsToKeep(list, now, { hourlyDays: 7, maxToday: 1000 }).size).toBe(
      217 + 7 * 24 + 53,
    )
  })
})

describe('when checkpoints are taken', () => {
  it('takes an editing checkpoint after the interval', () => {
    expect(isEditingCheckpointDue(undefined, 0)).toBe(true)
    expect(isEditingCheckpointDue(1000, 1000 + EDITING_INTERVAL_MS - 1)).toBe(false)
    expect(isEditingCheckpointDue(1000, 1000 + EDITING_INTERVAL_MS)).toBe(true)
  })

  it('counts a colleague change after a quiet gap as coming back from apart', () => {
    expect(isAfterBeingApart(undefined, 5)).toBe(true)
    expect(isAfterBeingApart(1000, 1000 + APART_MS - 1)).toBe(false)
    expect(isAfterBeingApart(1000, 1000 + APART_MS)).toBe(true)
  })
})
