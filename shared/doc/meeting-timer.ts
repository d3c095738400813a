import type { ClockStamp, MeetingTimer } from './meeting-types'

/**
 * How this peer reads times written on other laptops' clocks, which may be minutes off. Built from
 * presence heartbeats by `peerClock` (shared/meeting/clock.ts); tests build one by hand.
 */
export interface PeerClock {
  /** This device's id. */
  device: string
  /** Our clock now, in ms. */
  now: number
  /** What to add to our clock to read `device`'s, if we have heard from it. */
  offsetTo(device: string): number | undefined
  /** What to add to our clock to read the room's (the median of the clocks present). */
  roomOffset: number
}

/** A stamp of this moment on this device's clock, to store. */
export function stampNow(clock: PeerClock): ClockStamp {
  return { at: clock.now, by: clock.device, room: clock.roomOffset }
}

/**
 * The time now on the clock a stamp was written on. The writer's own clock when we have heard from
 * it (exact but for network delay); otherwise the room's clock, corrected by the room offset the
 * writer saw, so a stamp of a laptop minutes off that left before we came still reads right.
 */
export function nowOnStampClock(stamp: ClockStamp, clock: PeerClock): number {
  if (stamp.by === clock.device) return clock.now
  const offset = clock.offsetTo(stamp.by)
  if (offset !== undefined) return clock.now + offset
  return clock.now + clock.roomOffset - stamp.room
}

/** Time since a stamp, in ms (never negative). */
export function msSince(stamp: ClockStamp, clock: PeerClock): number {
  return Math.max(0, nowOnStampClock(stamp, clock) - stamp.at)
}

/**
 * Time the team has spoken so far, in ms. Never negative (a skewed estimate cannot make time run
 * backwards past the start); a paused timer stands still at the time it was paused.
 */
export function timerElapsedMs(timer: MeetingTimer, clock: PeerClock): number {
  if (timer.pausedElapsedMs !== null) return timer.pausedElapsedMs
  return msSince(timer.started, clock)
}

/** Time left, in ms; negative once the team is over its time (the overrun). */
export function timerRemainingMs(timer: MeetingTimer, clock: PeerClock): number {
  return timer.durationMs - timerElapsedMs(timer, clock)
}
