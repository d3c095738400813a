import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import {
  addItem,
  addTeam,
  createSprint,
  readSprint,
  setItemStatus,
  setMembers,
  setOffDuring,
  setOwners,
  setSupportHeroes,
  type ItemStatus,
} from '../../shared/doc'
import { startNextSprint } from '../../shared/doc/next-sprint'

const TEAMS = ['Web', 'Pipeline', 'Growth'] as const
const PEOPLE = ['ana-lopez', 'tom-reid', 'li-wei', 'sam-o', 'kim-h', 'raj-p'] as const
const WORK = ['Ship', 'Fix', 'Migrate', 'Review', 'Document', 'Measure', 'Split', 'Retire']
const THINGS = ['the login page', 'the build', 'the DLQ', 'onboarding', 'the heatmaps', 'alerts']

/** ISO date `days` after 2024-07-01. */
function day(days: number): string {
  return new Date(Date.UTC(2024, 6, 1 + days)).toISOString().slice(0, 10)
}

/**
 * A series of `count` two-week sprints, each started from the one before with the app's own
 * "Start next sprint" (carry-over of OKRs, retro and hang-over), then filled and marked as teams
 * do: retro marks, OKR statuses (some yellow or red without an action point), new priorities
 * with owners, support heroes and time off. Deterministic per seed; ids are the app's own.
 */
export function sprintSeries(count: number, seed = 1): Y.Doc[] {
  const gen = prng.create(seed)
  const first = new Y.Doc()
  createSprint(first, {
    title: 'Sprint - July 1 to July 12',
    startDate: day(0),
    endDate: day(11),
    createdAt: 1,
  })
  for (const name of TEAMS) {
    const teamId = addTeam(first, { name })
    setMembers(first, { teamId, members: [...PEOPLE].filter(() => prng.bool(gen)) })
    for (let o = 0; o < 3; o++)
      addItem(first, {
        teamId,
        section: 'okr',
        text: `${name} objective ${o + 1}`,
        status: 'green',
      })
  }
  fill(first, gen)
  const docs = [first]
  for (let i = 1; i < count; i++) {
    const next = new Y.Doc()
    const start = 14 * i
    startNextSprint(docs[i - 1] as Y.Doc, next, {
      title: `Sprint ${i + 1} - ${day(start)}`,
      startDate: day(start),
      endDate: day(start + 11),
    })
    fill(next, gen)
    docs.push(next)
  }
  return docs
}

function fill(doc: Y.Doc, gen: prng.PRNG): void {
  const view = readSprint(doc)
  for (const team of view.teams) {
    const by = (key: string) => team.sections.find((s) => s.key === key)?.items ?? []
    for (const r of by('retro')) {
      const mark: ItemStatus = prng.oneOf(gen, [
        'done',
        'done',
        'done',
        'partly',
        'notDone',
        'dropped',
      ])
      setItemStatus(doc, { itemId: r.id, status: mark })
    }
    for (const okr of by('okr')) {
      const status: ItemStatus = prng.oneOf(gen, ['green', 'green', 'yellow', 'red'])
      setItemStatus(doc, { itemId: okr.id, status })
      if (status !== 'green' && prng.bool(gen) && okr.children.length === 0)
        addItem(doc, {
          teamId: team.id,
          section: 'okr',
          parent: okr.id,
          text: 'action: pair on it',
        })
    }
    for (const [section, n] of [
      ['high', prng.uint32(gen, 2, 5)],
      ['low', prng.uint32(gen, 1, 3)],
    ] as const) {
      for (let k = 0; k < n; k++) {
        const id = addItem(doc, {
          teamId: team.id,
          section,
          text: `${prng.oneOf(gen, WORK)} ${prng.oneOf(gen, THINGS)}`,
        })
        setOwners(doc, { itemId: id, owners: [prng.oneOf(gen, [...PEOPLE])] })
        if (prng.uint32(gen, 0, 9) < 6) setItemStatus(doc, { itemId: id, status: 'checked' })
      }
    }
    const hero = prng.oneOf(gen, [...PEOPLE])
    setSupportHeroes(doc, { teamId: team.id, heroes: [{ label: '', handle: hero }] })
    if (prng.bool(gen))
      setOffDuring(doc, { teamId: team.id, text: `@${prng.oneOf(gen, [...PEOPLE])} off Friday` })
  }
}
