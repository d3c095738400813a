import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addItem,
  addTeam,
  createSprint,
  readSprint,
  setItemStatus,
  setOffDuring,
  setSupportHeroes,
} from '../../../shared/doc'
import { startNextSprint } from '../../../shared/doc/next-sprint'
import {
  markdownTable,
  okrGrid,
  percent,
  personTotals,
  retroCompletion,
  summarizeSprint,
  trends,
  type SprintSummary,
} from '../../../shared/overview'
import { sprintSeries } from '../../helpers/sprint-series'

/** Two sprints of one team: the first planned and done in part, the second started from it. */
function twoSprints(): [SprintSummary, SprintSummary] {
  const a = new Y.Doc()
  createSprint(a, { id: 'a', title: 'Sprint A', startDate: '2024-07-01', endDate: '2024-07-12' })
  addTeam(a, { id: 'web', name: 'Web' })
  const okr1 = addItem(a, { teamId: 'web', section: 'okr', text: 'Signups', status: 'green' })
  addItem(a, { teamId: 'web', section: 'okr', text: 'Latency', status: 'yellow' })
  const h1 = addItem(a, { teamId: 'web', section: 'high', text: 'Ship login', owners: ['ana'] })
  addItem(a, { teamId: 'web', section: 'high', text: 'Fix build', owners: ['ana', 'tom'] })
  addItem(a, { teamId: 'web', section: 'low', text: 'Docs', owners: ['tom'] })
  addItem(a, { teamId: 'web', section: 'high', parent: h1, text: 'Review', owners: ['li'] })
  setItemStatus(a, { itemId: h1, status: 'checked' })
  setSupportHeroes(a, { teamId: 'web', heroes: [{ label: '', handle: 'tom' }] })
  setOffDuring(a, { teamId: 'web', text: '@li off 3-5 July' })
  const b = new Y.Doc()
  startNextSprint(a, b, {
    id: 'b',
    title: 'Sprint B',
    startDate: '2024-07-15',
    endDate: '2024-07-26',
  })
  const vb = readSprint(b)
  const team = vb.teams[0]
  const retro = team?.sections.find((s) => s.key === 'retro')?.items ?? []
  // Ship login done, Fix build partly, Docs done.
  setItemStatus(b, { itemId: retro[0]?.id ?? '', status: 'done' })
  setItemStatus(b, { itemId: retro[1]?.id ?? '', status: 'partly' })
  setItemStatus(b, { itemId: retro[2]?.id ?? '', status: 'done' })
  const okrs = team?.sections.find((s) => s.key === 'okr')?.items ?? []
  expect(okrs[0]?.from).toBe(okr1)
  setItemStatus(b, { itemId: okrs[0]?.id ?? '', status: 'red' })
  return [summarizeSprint(readSprint(a)), summarizeSprint(readSprint(b))]
}

describe('sprint overview figures', () => {
  it('grids OKR statuses and flags yellow or red ones without an action point', () => {
    const [a, b] = twoSprints()
    expect(okrGrid(a).map((c) => [c.okr, c.text, c.status, c.needsAction])).toEqual([
      ['OKR 1', 'Signups', 'green', false],
      ['OKR 2', 'Latency', 'yellow', true],
    ])
    expect(okrGrid(b).map((c) => [c.status, c.needsAction])).toEqual([
      ['red', true],
      ['yellow', true],
    ])
  })

  it("shares last sprint's High and Low priority items marked done in the retro", () => {
    const [a, b] = twoSprints()
    expect(retroCompletion(b, a)).toEqual([
      { team: 'Web', list: 'High priority', done: 1, total: 2, share: 0.5 },
      { team: 'Web', list: 'Low priority / side quests', done: 1, total: 1, share: 1 },
    ])
    // Without the previous sprint on this device, one row for all of it.
    expect(retroCompletion(b, undefined)).toEqual([
      { team: 'Web', list: 'Last sprint', done: 2, total: 3, share: 2 / 3 },
    ])
  })

  it('loads people: items owned, support-hero weeks and time off', () => {
    const [a] = twoSprints()
    expect(personTotals(a)).toEqual([
      { handle: '@tom', open: 2, done: 0, heroWeeks: 2, off: '' },
      { handle: '@ana', open: 1, done: 1, heroWeeks: 0, off: '' },
      { handle: '@li', open: 1, done: 0, heroWeeks: 0, off: '@li off 3-5 July' },
    ])
  })

  it('follows completion, carried-over items and OKR status changes across sprints', () => {
    const [a, b] = twoSprints()
    expect(trends([b, a])).toEqual([
      {
        sprint: 'Sprint A',
        startDate: '2024-07-01',
        team: 'Web',
        completion: 1 / 3,
        carriedOver: 0,
        okrChanges: 0,
      },
      {
        sprint: 'Sprint B',
        startDate: '2024-07-15',
        team: 'Web',
        completion: 0,
        carriedOver: 2,
        okrChanges: 1,
      },
    ])
  })

  it('gives every chart of a generated series of sprints its rows', () => {
    const series = sprintSeries(6, 3).map((d) => summarizeSprint(readSprint(d)))
    const points = trends(series)
    expect(points).toHaveLength(6 * 3)
    expect(points.every((p) => p.completion >= 0 && p.completion <= 1)).toBe(true)
    expect(points.slice(3).some((p) => p.carriedOver > 0)).toBe(true)
    const last = series.at(-1) as SprintSummary
    expect(retroCompletion(last, series.at(-2)).every((r) => r.list !== 'Last sprint')).toBe(true)
    expect(okrGrid(last).length).toBeGreaterThanOrEqual(9)
  })

  it('writes a chart as a Markdown table to paste into an issue', () => {
    expect(
      markdownTable(
        ['Team', 'Done'],
        [
          ['Web | Mobile', percent(0.5)],
          ['a\nb', 3],
        ],
      ),
    ).toBe('| Team | Done |\n| --- | --- |\n| Web \\| Mobile | 50% |\n| a b | 3 |\n')
  })
})
