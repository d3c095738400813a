import type { PeerClock } from '../doc/meeting-timer'

/**
 * Clocks of the laptops in a meeting disagree, sometimes by minutes. A timer is stored as a start
 * time on one device's clock (see `MeetingTimer`); each peer reads every other peer's clock from
 * its presence heartbeats and estimates the offset between the two, so it can translate any
 * stored time to its own clock. Pure functions: the caller says what "now" is.
 */

/** One reading of another device's clock: what its clock said when it sent, and ours when heard. */
export interface ClockSample {
  /** The sender's clock (ms since the epoch) when it published its presence. */
  remote: number
  /** Our clock when the presence arrived. */
  local: number
}

/**
 * How many recent readings an estimate uses: enough to find one that travelled fast (a busy
 * laptop or a relayed copy arrives late), few enough that a clock set right mid-meeting is
 * followed within seconds (one reading per heartbeat).
 */
export const MAX_CLOCK_SAMPLES = 8

/** The readings to keep after a new one: the newest {@link MAX_CLOCK_SAMPLES}. */
export function withSample(samples: readonly ClockSample[], sample: ClockSample): ClockSample[] {
  return [...samples, sample].slice(-MAX_CLOCK_SAMPLES)
}

/**
 * The offset to add to our clock to read the sender's, from its readings. Each reading is late by
 * the time it travelled (and a presence re-sent with an older stamp is later still), which only
 * ever makes `remote - local` smaller: the largest value is the best estimate. `undefined` with no
 * readings.
 */
export function estimateOffset(samples: readonly ClockSample[]): number | undefined {
  let best: number | undefined
  for (const s of samples) {
    const offset = s.remote - s.local
    if (best === undefined || offset > best) best = offset
  }
  return best
}

/** What this peer knows of the others' clocks. */
export interface ClockKnowledge {
  /** This device's id (offset 0). */
  self: string
  /** Estimated offsets of every device heard from (those that left included), by device id. */
  offsets: ReadonlyMap<string, number>
  /** The devices present now (whose clocks make the room's). */
  present: readonly string[]
}

/**
 * The offset to add to our clock to read the room's: the median of our own (0) and the present
 * devices' offsets, so one laptop minutes off (ours or another) does not move it.
 */
export function roomOffset(known: ClockKnowledge): number {
  const values = [0]
  for (const d of known.present) {
    const o = d === known.self ? undefined : known.offsets.get(d)
    if (o !== undefined) values.push(o)
  }
  return median(values)
}

/**
 * How this peer reads other laptops' clocks at one moment (`localNow` on its own): each device's
 * offset if it was ever heard from, else the room's clock (see `nowOnStampClock`).
 */
export function peerClock(localNow: number, known: ClockKnowledge): PeerClock {
  return {
    device: known.self,
    now: localNow,
    offsetTo: (device) => (device === known.self ? 0 : known.offsets.get(device)),
    roomOffset: roomOffset(known),
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
