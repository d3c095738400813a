import type * as Y from 'yjs'
import {
  DEFAULT_MINUTES,
  MAX_MINUTES,
  MIN_MINUTES,
  attendeeSchema,
  clockStampSchema,
  meetingTimerSchema,
  planSnapshotSchema,
  type Attendee,
  type MeetingRun,
  type MeetingTimer,
  type MeetingView,
} from './meeting-types'
import { MEETING, RUN, getRunMap, meetingMap } from './schema'
import { describe, readNumber, readString, readStringList, sortedEntries } from './read-fields'
import type { Problem } from './types'

/**
 * Reads the meeting part of a sprint. Never throws: a value of the wrong shape (a buggy or hostile
 * peer) is skipped or defaulted and reported in `problems`; a sprint that never had a meeting reads
 * as an empty agenda, the default minutes and no run.
 */
export function readMeeting(doc: Y.Doc, problems: Problem[] = []): MeetingView {
  const m = meetingMap(doc) as Y.Map<unknown>
  const agenda = readStringList(m, MEETING.agenda, 'meeting', problems)
  return {
    agenda: [...new Set(agenda)],
    minutes: readMinutes(m, problems),
    run: readRun(doc, problems),
  }
}

/** Minutes per team alone (for mutations: no need to read the whole run). */
export function readMeetingMinutes(doc: Y.Doc): number {
  return readMinutes(meetingMap(doc) as Y.Map<unknown>, [])
}

/** The running meeting's countdown alone, if a meeting runs and its timer is readable. */
export function readRunningTimer(doc: Y.Doc): MeetingTimer | undefined {
  const run = getRunMap(doc) as Y.Map<unknown> | undefined
  if (run?.get(RUN.status) !== 'running') return undefined
  return readPlain(run, RUN.timer, meetingTimerSchema, '', [])
}

function readMinutes(m: Y.Map<unknown>, problems: Problem[]): number {
  const raw = readNumber(m, MEETING.minutes, 'meeting', problems, DEFAULT_MINUTES)
  if (raw >= MIN_MINUTES && raw <= MAX_MINUTES) return raw
  problems.push({
    path: 'meeting/minutes',
    message: `minutes out of range; using ${DEFAULT_MINUTES}`,
  })
  return DEFAULT_MINUTES
}

function readRun(doc: Y.Doc, problems: Problem[]): MeetingRun | undefined {
  const raw: unknown = meetingMap(doc).get(MEETING.run)
  if (raw === undefined) return undefined
  const run = getRunMap(doc) as Y.Map<unknown> | undefined
  if (!run) {
    problems.push({ path: 'meeting/run', message: `expected a map, found ${describe(raw)}` })
    return undefined
  }
  const path = 'meeting/run'
  const id = readString(run, RUN.id, path, problems)
  const status = run.get(RUN.status)
  if (id === '' || (status !== 'running' && status !== 'ended')) {
    problems.push({ path, message: 'a meeting without an id or a known status; ignored' })
    return undefined
  }
  const spent: Record<string, number> = {}
  const attendees: Attendee[] = []
  for (const [key, value] of sortedEntries(run)) {
    if (key.startsWith(RUN.spentPrefix)) {
      const team = key.slice(RUN.spentPrefix.length)
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) spent[team] = value
      else problems.push({ path: `${path}/${key}`, message: 'expected a duration in ms' })
    } else if (key.startsWith(RUN.attendeePrefix)) {
      const parsed = attendeeSchema.safeParse(value)
      if (parsed.success)
        attendees.push({ ...parsed.data, key: key.slice(RUN.attendeePrefix.length) })
      else problems.push({ path: `${path}/${key}`, message: 'skipped a malformed attendee' })
    }
  }
  return {
    id,
    status,
    started: readPlain(run, RUN.started, clockStampSchema, path, problems),
    durationMs: readNumber(run, RUN.durationMs, path, problems),
    timer: readPlain(run, RUN.timer, meetingTimerSchema, path, problems),
    spent,
    attendees: attendees.sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)),
    baseline: readPlain(run, RUN.baseline, planSnapshotSchema, path, problems),
  }
}

/** A plain value checked against its schema: absent or malformed (reported) reads as undefined. */
function readPlain<T>(
  map: Y.Map<unknown>,
  key: string,
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  path: string,
  problems: Problem[],
): T | undefined {
  const v = map.get(key)
  if (v === undefined || v === null) return undefined
  const parsed = schema.safeParse(v)
  if (parsed.success) return parsed.data
  problems.push({ path: `${path}/${key}`, message: `malformed ${key}; ignored` })
  return undefined
}
