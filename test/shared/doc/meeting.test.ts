import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  MEETING,
  RUN,
  addTeam,
  addTimerTime,
  createUndoManager,
  endMeeting,
  goToTeam,
  meetingMap,
  pauseTimer,
  readMeeting,
  readSprint,
  recordAttendees,
  resumeTimer,
  setAgenda,
  setMeetingMinutes,
  startMeeting,
  timerRemainingMs,
  getRunMap,
  type MeetingTimer,
  type PeerClock,
  type Problem,
} from '../../../shared/doc'
import { snapshotPlan } from '../../../shared/meeting'
import { Network, expectConverged, seedSprint } from '../../helpers/convergence'

/** A laptop's clock at `now` that hears every other device exactly (offsets given). */
function clockOf(device: string, now: number, offsets: Record<string, number> = {}): PeerClock {
  return {
    device,
    now,
    offsetTo: (d) => (d === device ? 0 : offsets[d]),
    roomOffset: 0,
  }
}

/** The running countdown (the test fails here if there is none). */
function timerOf(doc: Y.Doc): MeetingTimer {
  const timer = readMeeting(doc).run?.timer
  if (!timer) throw new Error('no countdown')
  return timer
}

function threeTeams() {
  const net = new Network(2, prng.create(3))
  seedSprint(net)
  const [a, b] = net.peers.map((p) => p.doc) as [Y.Doc, Y.Doc]
  for (const name of ['Pipeline', 'Growth', 'Infra']) addTeam(a, { id: name.toLowerCase(), name })
  net.settle()
  const sync = () => {
    net.settle()
    expectConverged(net, 0)
    return readMeeting(a)
  }
  const start = (doc: Y.Doc, device: string, now: number) =>
    startMeeting(doc, {
      id: `run-${device}`,
      clock: clockOf(device, now),
      firstTeam: 'pipeline',
      baseline: snapshotPlan(readSprint(doc)),
    })
  return { a, b, sync, start }
}

describe('running a meeting', () => {
  test('start, next team, pause, resume, +1 min and end keep each team’s time', () => {
    const { a, start } = threeTeams()
    setMeetingMinutes(a, { minutes: 4 })
    start(a, 'ana', 1_000_000)
    let run = readMeeting(a).run
    expect(run).toMatchObject({ id: 'run-ana', status: 'running', spent: {} })
    expect(run?.timer).toMatchObject({ team: 'pipeline', durationMs: 240_000 })
    expect(timerRemainingMs(timerOf(a), clockOf('ana', 1_030_000))).toBe(210_000)

    pauseTimer(a, { clock: clockOf('ana', 1_050_000) })
    expect(timerRemainingMs(timerOf(a), clockOf('ana', 1_900_000))).toBe(190_000)
    // Resumed by someone else, whose clock is two minutes ahead: no time is lost or gained.
    resumeTimer(a, { clock: clockOf('ben', 1_200_000 + 120_000, { ana: -120_000 }) })
    addTimerTime(a, { ms: 60_000 })
    const timer = timerOf(a)
    expect(timer.started.by).toBe('ben')
    expect(timerRemainingMs(timer, clockOf('ana', 1_210_000, { ben: 120_000 }))).toBe(240_000)

    expect(
      goToTeam(a, {
        from: 'pipeline',
        to: 'growth',
        clock: clockOf('ana', 1_260_000, { ben: 120_000 }),
      }),
    ).toBe(true)
    run = readMeeting(a).run
    expect(run?.spent).toEqual({ pipeline: 110_000 })
    expect(run?.timer).toMatchObject({ team: 'growth', durationMs: 240_000 })

    // Back to a team that spoke: its countdown goes on from where it stopped.
    goToTeam(a, { from: 'growth', to: 'pipeline', clock: clockOf('ana', 1_290_000) })
    expect(timerRemainingMs(timerOf(a), clockOf('ana', 1_290_000))).toBe(130_000)

    endMeeting(a, { clock: clockOf('ana', 1_300_000) })
    run = readMeeting(a).run
    expect(run).toMatchObject({ status: 'ended', timer: undefined, durationMs: 300_000 })
    expect(run?.spent).toEqual({ pipeline: 120_000, growth: 30_000 })
    // Nothing runs once ended.
    expect(goToTeam(a, { from: '', to: 'infra', clock: clockOf('ana', 1_400_000) })).toBe(false)
  })

  test('a press based on a stale view does nothing', () => {
    const { a, start } = threeTeams()
    start(a, 'ana', 0)
    expect(goToTeam(a, { from: 'growth', to: 'infra', clock: clockOf('ana', 10) })).toBe(false)
    expect(readMeeting(a).run?.timer?.team).toBe('pipeline')
  })

  test('minutes are kept within 1–120 and the agenda has no duplicates', () => {
    const { a } = threeTeams()
    setMeetingMinutes(a, { minutes: 0 })
    expect(readMeeting(a).minutes).toBe(1)
    setMeetingMinutes(a, { minutes: 999 })
    expect(readMeeting(a).minutes).toBe(120)
    setMeetingMinutes(a, { minutes: Number.NaN })
    expect(readMeeting(a).minutes).toBe(120)
    setAgenda(a, { teamIds: ['infra', 'pipeline', 'infra'] })
    expect(readMeeting(a).agenda).toEqual(['infra', 'pipeline'])
  })

  test('attendance writes only what is new', () => {
    const { a, start } = threeTeams()
    recordAttendees(a, { attendees: [{ key: 'd1', name: 'Ana', handle: 'ana' }] })
    expect(readMeeting(a).run).toBeUndefined()
    start(a, 'ana', 0)
    const updates: unknown[] = []
    a.on('update', (u) => updates.push(u))
    recordAttendees(a, { attendees: [{ key: 'd1', name: 'Ana', handle: 'ana' }] })
    recordAttendees(a, { attendees: [{ key: 'd1', name: 'Ana', handle: 'ana' }] })
    recordAttendees(a, { attendees: [{ key: 'd1', name: 'Ana L', handle: 'ana' }] })
    expect(updates).toHaveLength(2)
    expect(readMeeting(a).run?.attendees).toEqual([{ key: 'd1', name: 'Ana L', handle: 'ana' }])
  })

  test('undo never takes back a meeting step', () => {
    const { a, start } = threeTeams()
    const undo = createUndoManager(a, { captureTimeout: 0 })
    start(a, 'ana', 0)
    goToTeam(a, { from: 'pipeline', to: 'growth', clock: clockOf('ana', 10) })
    expect(undo.undoStack).toHaveLength(0)
    undo.undo()
    expect(readMeeting(a).run?.timer?.team).toBe('growth')
  })
})

describe('two people running the meeting at once', () => {
  test('both press Next team: one step, not two', () => {
    const { a, b, sync, start } = threeTeams()
    start(a, 'ana', 0)
    sync()
    goToTeam(a, { from: 'pipeline', to: 'growth', clock: clockOf('ana', 60_000) })
    goToTeam(b, { from: 'pipeline', to: 'growth', clock: clockOf('ben', 60_200) })
    const m = sync()
    expect(m.run?.timer?.team).toBe('growth')
    expect(Object.keys(m.run?.spent ?? {})).toEqual(['pipeline'])
  })

  test('both start a meeting: one run wins whole, never a mix of the two', () => {
    const { a, b, sync, start } = threeTeams()
    start(a, 'ana', 1000)
    start(b, 'ben', 2000)
    recordAttendees(b, { attendees: [{ key: 'ben', name: 'Ben', handle: '' }] })
    const m = sync()
    const id = m.run?.id
    expect(['run-ana', 'run-ben']).toContain(id)
    expect(m.run?.started?.by).toBe(id === 'run-ana' ? 'ana' : 'ben')
  })

  test('everyone records attendance at once: nobody is lost', () => {
    const { a, b, sync, start } = threeTeams()
    start(a, 'ana', 0)
    sync()
    recordAttendees(a, { attendees: [{ key: 'ana', name: 'Ana', handle: 'ana' }] })
    recordAttendees(b, { attendees: [{ key: 'ben', name: 'Ben', handle: 'ben' }] })
    expect(sync().run?.attendees.map((x) => x.name)).toEqual(['Ana', 'Ben'])
  })

  test('a pause and +1 min at once: the last write of the timer wins, still a valid timer', () => {
    const { a, b, sync, start } = threeTeams()
    start(a, 'ana', 0)
    sync()
    pauseTimer(a, { clock: clockOf('ana', 30_000) })
    addTimerTime(b, { ms: 60_000 })
    const timer = sync().run?.timer
    expect(timer?.team).toBe('pipeline')
    expect([300_000, 360_000]).toContain(timer?.durationMs)
  })
})

describe('reading what a buggy or hostile peer wrote', () => {
  test('malformed values are skipped and reported, never thrown on', () => {
    const doc = new Y.Doc()
    const m = meetingMap(doc)
    m.set(MEETING.agenda, ['a', 7, 'a'] as unknown as string[])
    m.set(MEETING.minutes, -3)
    const problems: Problem[] = []
    expect(readMeeting(doc, problems)).toEqual({ agenda: ['a'], minutes: 5, run: undefined })
    expect(problems.map((p) => p.path)).toEqual(['meeting/agenda', 'meeting/minutes'])

    m.set(MEETING.run, 'not a map')
    expect(readMeeting(doc, []).run).toBeUndefined()
    const run = new Y.Map<unknown>()
    m.set(MEETING.run, run)
    run.set(RUN.id, 'r')
    run.set(RUN.status, 'running')
    run.set(RUN.timer, { team: 'x', started: { at: 'soon' } })
    run.set(RUN.baseline, { teams: 'none' })
    run.set(`${RUN.spentPrefix}t1`, 'long')
    run.set(`${RUN.spentPrefix}t2`, 42)
    run.set(`${RUN.attendeePrefix}d1`, { name: '' })
    const more: Problem[] = []
    const read = readMeeting(doc, more).run
    expect(read).toMatchObject({
      id: 'r',
      timer: undefined,
      baseline: undefined,
      spent: { t2: 42 },
    })
    expect(read?.attendees).toEqual([])
    expect(more.map((p) => p.path).filter((p) => p.startsWith('meeting/run'))).toEqual([
      'meeting/run/attendee/d1',
      'meeting/run/spent/t1',
      'meeting/run/timer',
      'meeting/run/baseline',
    ])
    // A mutation on a malformed timer does nothing rather than throw.
    expect(() => pauseTimer(doc, { clock: clockOf('x', 0) })).not.toThrow()
    expect(getRunMap(doc)?.get(RUN.timer)).toEqual({ team: 'x', started: { at: 'soon' } })
  })

  test('a run without an id or with an unknown status is no meeting', () => {
    const doc = new Y.Doc()
    const run = new Y.Map<unknown>()
    meetingMap(doc).set(MEETING.run, run)
    run.set(RUN.status, 'paused-forever')
    expect(readMeeting(doc).run).toBeUndefined()
  })
})
