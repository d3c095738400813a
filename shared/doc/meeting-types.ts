import { z } from 'zod'

/**
 * The shapes the planning meeting keeps in the sprint document (the `meeting` root, see
 * `schema.ts`). Plain values, each written whole, validated when read: a malformed one from a buggy
 * or hostile peer is skipped and reported, never thrown on.
 */

/** Longest id accepted in meeting values (team ids and device ids are far shorter). */
const ID = z.string().min(1).max(64)
/** A time in ms since the epoch (on some device's clock), or a duration in ms. */
const MS = z.number().finite().min(0).max(1e15)

/**
 * A moment on one laptop's clock: `at` (ms since the epoch on the clock of device `by`) and the
 * offset `room` that laptop estimated from its clock to the room's (the median of the clocks
 * present). Every peer translates a stamp to its own clock (see `nowOnStampClock`), so skew
 * between laptops, even minutes, never shows.
 */
export const clockStampSchema = z.object({
  at: MS,
  by: ID,
  room: z.number().finite().min(-1e13).max(1e13),
})
export type ClockStamp = z.infer<typeof clockStampSchema>

/** The countdown of the team now speaking: a start stamp and a duration. */
export const meetingTimerSchema = z.object({
  /** The team now speaking. */
  team: ID,
  /** When the countdown (re)started (moved back by the time already spoken, after a pause). */
  started: clockStampSchema,
  /** Time the team has in all, in ms (changes with "+1 min"). */
  durationMs: MS,
  /** While paused: the time already spoken, in ms; `null` while running. */
  pausedElapsedMs: MS.nullable(),
})
export type MeetingTimer = z.infer<typeof meetingTimerSchema>

/**
 * Longest item text kept in the plan's baseline (the rest is only known through its hash). A big
 * sprint keeps shorter texts, down to a quarter of this, to stay within the byte budget.
 */
export const BASELINE_TEXT_CHARS = 160
/** Most items kept in a baseline (the ones after are counted in `omitted`). */
export const BASELINE_MAX_ITEMS = 1000
/**
 * Most bytes a baseline takes (as JSON): starting a meeting is one update sent to every peer, and
 * Chromium's WebRTC data channels refuse a message over 256 KiB.
 */
export const BASELINE_MAX_BYTES = 128 * 1024

const snapshotItemSchema = z.object({
  id: ID,
  team: z.string().max(64),
  section: z.string().max(64),
  parent: z.string().max(64),
  /** The text, cut at {@link BASELINE_TEXT_CHARS}. */
  text: z.string().max(BASELINE_TEXT_CHARS + 1),
  /** A hash of the whole text: an edit past the cut still shows as an edit. */
  hash: z.number().int(),
  status: z.string().max(32),
  owners: z.array(z.string().max(64)).max(50),
})

const snapshotTeamSchema = z.object({
  id: ID,
  name: z.string().max(400),
  heroes: z.array(z.string().max(64)).max(20),
  offDuring: z.string().max(2000),
})

/** The plan as it stood when a meeting started, to tell what changed during it. */
export const planSnapshotSchema = z.object({
  teams: z.array(snapshotTeamSchema).max(200),
  items: z.array(snapshotItemSchema).max(BASELINE_MAX_ITEMS),
  /** Items left out (over the item or byte budget): their changes cannot be told. */
  omitted: z.number().int().min(0).optional(),
})
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>
export type SnapshotItem = z.infer<typeof snapshotItemSchema>
export type SnapshotTeam = z.infer<typeof snapshotTeamSchema>

/** Someone who was at the meeting, as their presence named them. */
export const attendeeSchema = z.object({
  name: z.string().min(1).max(64),
  handle: z.string().max(39),
})
export interface Attendee extends z.infer<typeof attendeeSchema> {
  /** Their device id (or `client:<n>` for a peer of an earlier version). */
  key: string
}

/** A meeting now running, or the last one, once ended. */
export interface MeetingRun {
  id: string
  status: 'running' | 'ended'
  /** When it started. */
  started: ClockStamp | undefined
  /** How long it ran, in ms (0 while running). */
  durationMs: number
  timer: MeetingTimer | undefined
  /** Time each team spoke, in ms, by team id (teams not yet spoken are absent). */
  spent: Readonly<Record<string, number>>
  /** Everyone who was there, by name. */
  attendees: Attendee[]
  /** The plan when it started (`undefined` if unreadable). */
  baseline: PlanSnapshot | undefined
}

/** The meeting part of the sprint document, read tolerantly. */
export interface MeetingView {
  /** The stored agenda: team ids in speaking order (may name teams since removed). */
  agenda: string[]
  /** Minutes each team gets. */
  minutes: number
  run: MeetingRun | undefined
}

/** Minutes per team when none were set, and the range accepted. */
export const DEFAULT_MINUTES = 5
export const MIN_MINUTES = 1
export const MAX_MINUTES = 120
