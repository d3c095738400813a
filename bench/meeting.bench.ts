import * as Y from 'yjs'
import {
  endMeeting,
  goToTeam,
  readMeeting,
  readSprint,
  setItemStatus,
  startMeeting,
  type PeerClock,
} from '../shared/doc'
import { checkPlan, meetingSummary, planChanges, snapshotPlan } from '../shared/meeting'
import { buildHeavySprint } from './heavy-sprint'
import { time } from './figures'

const clock = (now: number): PeerClock => ({
  device: 'bench',
  now,
  offsetTo: () => undefined,
  roomOffset: 0,
})

/**
 * Meeting mode on the heavy sprint (15 teams × 40 items): the plan check the agenda recomputes
 * once typing settles, the baseline a meeting keeps in the document (its size is synced to every
 * peer once), reading the meeting (each change of it), and the summary at the end.
 */
export async function run(): Promise<void> {
  const doc = new Y.Doc()
  const ids = buildHeavySprint(doc, { teams: 15, itemsPerTeam: 40, edits: 5_000 })
  const view = readSprint(doc)
  const check = time(() => checkPlan(view), 21)
  const readAndCheck = time(() => checkPlan(readSprint(doc)), 11)
  const findings = [...checkPlan(view).values()].reduce((n, f) => n + f.length, 0)

  const before = Y.encodeStateVector(doc)
  const snapshot = time(() => snapshotPlan(readSprint(doc)), 11)
  startMeeting(doc, { clock: clock(0), firstTeam: 'team-0', baseline: snapshotPlan(view) })
  const startBytes = Y.encodeStateAsUpdate(doc, before).byteLength
  const readRun = time(() => readMeeting(doc), 21)

  let marked = 0
  for (let i = 0; i < ids.length; i += 7, marked++) {
    setItemStatus(doc, { itemId: ids[i] ?? '', status: 'checked' })
  }
  for (let t = 1; t < 15; t++) {
    goToTeam(doc, { from: `team-${t - 1}`, to: `team-${t}`, clock: clock(t * 300_000) })
  }
  endMeeting(doc, { clock: clock(15 * 300_000) })
  const summary = time(() => {
    const v = readSprint(doc)
    const m = readMeeting(doc)
    if (!m.run?.baseline) throw new Error('no baseline')
    meetingSummary({
      title: v.meta.title,
      run: m.run,
      agenda: v.teams.map((t) => ({ id: t.id, name: t.name })),
      minutes: m.minutes,
      changes: planChanges(m.run.baseline, v),
      findings: checkPlan(v),
    })
  }, 11)

  const ms = (n: number): string => `${n.toFixed(2)} ms`
  console.log(`heavy sprint: 15 teams × 40 items (5,000 edits), ${findings} plan-check findings`)
  console.log('| measure | figure |')
  console.log('| --- | --- |')
  console.log(`| checkPlan of a read sprint (median of 21) | ${ms(check)} |`)
  console.log(
    `| readSprint + checkPlan, as the agenda recomputes it (median of 11) | ${ms(readAndCheck)} |`,
  )
  console.log(`| snapshotPlan at Start (median of 11) | ${ms(snapshot)} |`)
  console.log(`| Start meeting: update synced to peers | ${(startBytes / 1024).toFixed(1)} KiB |`)
  console.log(`| readMeeting with its baseline (median of 21) | ${ms(readRun)} |`)
  console.log(
    `| summary: read, diff ${marked} status changes, check, Markdown (median of 11) | ${ms(summary)} |`,
  )
}
