import * as Y from 'yjs'
import {
  MAX_MINUTES,
  MIN_MINUTES,
  attendeeSchema,
  type Attendee,
  type ClockStamp,
  type MeetingTimer,
  type PlanSnapshot,
} from './meeting-types'
import { msSince, stampNow, timerElapsedMs, type PeerClock } from './meeting-timer'
import { MEETING, RUN, attendeeKey, getRunMap, meetingMap, spentKey } from './schema'
import { MEETING_ORIGIN } from './origin'
import { change } from './transact'
import { newId } from './ids'
import { readMeeting, readMeetingMinutes, readRunningTimer } from './read-meeting'

/**
 * Mutations of the planning meeting. Each is one transaction with {@link MEETING_ORIGIN}, so the
 * sprint's undo never takes back a "Next team". Times are stamped on the writer's own clock
 * (`ClockStamp`); readers translate them to theirs. Moves are guarded by the
 * state the person saw (`from`): a press based on a stale view does nothing, and two people
 * pressing "Next team" at once both write the same next team (one step, not two).
 */

/** Sets the speaking order (team ids). */
export function setAgenda(doc: Y.Doc, args: { teamIds: readonly string[] }): void {
  change(doc, () => meetingMap(doc).set(MEETING.agenda, [...new Set(args.teamIds)]), MEETING_ORIGIN)
}

/** Sets the minutes each team gets (rounded, kept within 1–120). Applies to teams not yet begun. */
export function setMeetingMinutes(doc: Y.Doc, args: { minutes: number }): void {
  if (!Number.isFinite(args.minutes)) return
  const minutes = Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, Math.round(args.minutes)))
  change(doc, () => meetingMap(doc).set(MEETING.minutes, minutes), MEETING_ORIGIN)
}

export interface StartMeetingArgs {
  clock: PeerClock
  /** The first team to speak (`''`: none yet). */
  firstTeam: string
  /** The plan as it stands, to tell at the end what changed. */
  baseline: PlanSnapshot
  id?: string
}

/**
 * Starts a meeting: a new run replaces the previous one whole, with the first team's countdown
 * running. Returns the run's id.
 */
export function startMeeting(doc: Y.Doc, args: StartMeetingArgs): string {
  const id = args.id ?? newId()
  change(
    doc,
    () => {
      const run = new Y.Map<unknown>()
      run.set(RUN.id, id)
      run.set(RUN.status, 'running')
      run.set(RUN.started, stampNow(args.clock))
      run.set(RUN.baseline, args.baseline)
      if (args.firstTeam !== '') run.set(RUN.timer, freshTimer(doc, args.firstTeam, args.clock, 0))
      meetingMap(doc).set(MEETING.run, run)
    },
    MEETING_ORIGIN,
  )
  return id
}

/**
 * The team `to` speaks now: the time of the team that was speaking (`from`, as the caller saw
 * it) is recorded, and `to`'s countdown starts (where it stopped, if it spoke before). Does
 * nothing and returns false when no meeting runs or the speaking team is no longer `from`.
 */
export function goToTeam(
  doc: Y.Doc,
  args: { from: string; to: string; clock: PeerClock },
): boolean {
  return change(
    doc,
    () => {
      const run = runningMap(doc)
      if (!run) return false
      const timer = readRunningTimer(doc)
      if ((timer?.team ?? '') !== args.from || args.to === args.from) return false
      if (timer) run.set(spentKey(timer.team), timerElapsedMs(timer, args.clock))
      const spent = run.get(spentKey(args.to))
      const already = typeof spent === 'number' && Number.isFinite(spent) ? spent : 0
      run.set(RUN.timer, freshTimer(doc, args.to, args.clock, already))
      return true
    },
    MEETING_ORIGIN,
  )
}

/** Pauses the countdown (the time spoken stands still). */
export function pauseTimer(doc: Y.Doc, args: { clock: PeerClock }): void {
  updateTimer(doc, (t) =>
    t.pausedElapsedMs !== null ? t : { ...t, pausedElapsedMs: timerElapsedMs(t, args.clock) },
  )
}

/** Resumes a paused countdown, now on this device's clock. */
export function resumeTimer(doc: Y.Doc, args: { clock: PeerClock }): void {
  updateTimer(doc, (t) =>
    t.pausedElapsedMs === null
      ? t
      : { ...t, started: stampBack(args.clock, t.pausedElapsedMs), pausedElapsedMs: null },
  )
}

/** Gives the team now speaking `ms` more (or less, never below nothing). */
export function addTimerTime(doc: Y.Doc, args: { ms: number }): void {
  if (!Number.isFinite(args.ms)) return
  updateTimer(doc, (t) => ({ ...t, durationMs: Math.max(0, t.durationMs + args.ms) }))
}

/** Ends the meeting: records the speaking team's time and how long the meeting ran. */
export function endMeeting(doc: Y.Doc, args: { clock: PeerClock }): void {
  change(
    doc,
    () => {
      const run = runningMap(doc)
      const current = readMeeting(doc).run
      if (!run || !current) return
      const timer = current.timer
      if (timer) run.set(spentKey(timer.team), timerElapsedMs(timer, args.clock))
      run.delete(RUN.timer)
      run.set(RUN.status, 'ended')
      run.set(RUN.ended, stampNow(args.clock))
      run.set(RUN.durationMs, current.started ? msSince(current.started, args.clock) : 0)
    },
    MEETING_ORIGIN,
  )
}

/**
 * Records who is at the running meeting (from presence). Only new people, or a new name or
 * handle, are written, so calling it on every presence change costs nothing once everyone is in.
 */
export function recordAttendees(doc: Y.Doc, args: { attendees: readonly Attendee[] }): void {
  const run = runningMap(doc)
  if (!run) return
  const changed = args.attendees.filter((a) => {
    const cur = attendeeSchema.safeParse(run.get(attendeeKey(a.key)))
    return !cur.success || cur.data.name !== a.name || cur.data.handle !== a.handle
  })
  if (changed.length === 0) return
  change(
    doc,
    () => {
      for (const a of changed) {
        const value = attendeeSchema.safeParse({ name: a.name, handle: a.handle })
        if (value.success) run.set(attendeeKey(a.key), value.data)
      }
    },
    MEETING_ORIGIN,
  )
}

function runningMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  const run = getRunMap(doc) as Y.Map<unknown> | undefined
  return run?.get(RUN.status) === 'running' ? run : undefined
}

function freshTimer(doc: Y.Doc, team: string, clock: PeerClock, alreadyMs: number): MeetingTimer {
  return {
    team,
    started: stampBack(clock, alreadyMs),
    durationMs: readMeetingMinutes(doc) * 60_000,
    pausedElapsedMs: null,
  }
}

/** A stamp `ms` before now: a countdown that has already run that long. */
function stampBack(clock: PeerClock, ms: number): ClockStamp {
  const now = stampNow(clock)
  return { ...now, at: Math.max(0, now.at - ms) }
}

function updateTimer(doc: Y.Doc, fn: (timer: MeetingTimer) => MeetingTimer): void {
  change(
    doc,
    () => {
      const run = runningMap(doc)
      const timer = readRunningTimer(doc)
      if (!run || !timer) return
      const next = fn(timer)
      if (next !== timer) run.set(RUN.timer, next)
    },
    MEETING_ORIGIN,
  )
}
