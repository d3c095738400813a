import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  endMeeting,
  goToTeam,
  readMeeting,
  readSprint,
  recordAttendees,
  setMeetingMinutes,
  startMeeting,
} from '../../../shared/doc'
import { checkPlan, meetingSummary, planChanges, snapshotPlan } from '../../../shared/meeting'
import { byName, clock, meetingEdits, sprint } from './meeting-sprint'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/meeting')

describe('the meeting summary', () => {
  test('attendance, time per team, changes and what is still to check, as Markdown (golden file)', () => {
    const doc = sprint()
    setMeetingMinutes(doc, { minutes: 5 })
    const v0 = readSprint(doc)
    const [pipeline, growth] = [byName(v0, 'Pipeline'), byName(v0, 'Growth')]
    const t0 = 1_720_000_000_000
    startMeeting(doc, {
      id: 'm1',
      clock: clock(t0),
      firstTeam: pipeline.id,
      baseline: snapshotPlan(v0),
    })
    recordAttendees(doc, {
      attendees: [
        { key: 'ana-device', name: 'Ana López', handle: 'ana-lopez' },
        { key: 'tom-device', name: 'Tom', handle: 'tom-reid' },
        { key: 'guest', name: 'Guest <b>', handle: '' },
      ],
    })
    meetingEdits(doc)
    goToTeam(doc, { from: pipeline.id, to: growth.id, clock: clock(t0 + 372_000) })
    endMeeting(doc, { clock: clock(t0 + 372_000 + 245_000) })
    const view = readSprint(doc)
    const meeting = readMeeting(doc)
    if (!meeting.run?.baseline) throw new Error('no run')
    const text = meetingSummary({
      title: view.meta.title,
      run: meeting.run,
      agenda: view.teams.map((t) => ({ id: t.id, name: t.name })),
      minutes: meeting.minutes,
      changes: planChanges(meeting.run.baseline, view),
      findings: checkPlan(view),
    })
    expect(text).toBe(readFileSync(resolve(GOLDEN, 'summary.md'), 'utf8'))
  })
})
