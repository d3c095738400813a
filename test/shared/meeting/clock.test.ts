import * as prng from 'lib0/prng'
import { describe, expect, test } from 'vitest'
import {
  nowOnStampClock,
  stampNow,
  timerRemainingMs,
  type MeetingTimer,
  type PeerClock,
} from '../../../shared/doc'
import {
  MAX_CLOCK_SAMPLES,
  estimateOffset,
  peerClock,
  roomOffset,
  withSample,
  type ClockKnowledge,
  type ClockSample,
} from '../../../shared/meeting'

/**
 * Laptops whose clocks disagree, exchanging presence heartbeats over a network with delays (most
 * fast, some slow: a relayed copy, a busy laptop). Times are "true" ms; a laptop's clock reads
 * `true + skew`.
 */
interface Laptop {
  id: string
  skew: number
}

const MIN = 60_000
const ana: Laptop = { id: 'ana-device', skew: 0 }
const ben: Laptop = { id: 'ben-device', skew: 5 * MIN + 1234 }
const cleo: Laptop = { id: 'cleo-device', skew: 250 }
const dan: Laptop = { id: 'dan-device', skew: -4 * MIN - 777 }

const clockOf = (l: Laptop, t: number): number => t + l.skew

/** What `to` learns of `from`'s clock from heartbeats sent each second over [start, end). */
function heartbeats(
  from: Laptop,
  to: Laptop,
  start: number,
  end: number,
  seed: number,
): ClockSample[] {
  const gen = prng.create(seed)
  let samples: ClockSample[] = []
  for (let t = start; t < end; t += 1000) {
    const delay =
      prng.uint32(gen, 0, 4) === 0 ? prng.uint32(gen, 400, 900) : prng.uint32(gen, 3, 120)
    samples = withSample(samples, { remote: clockOf(from, t), local: clockOf(to, t + delay) })
  }
  return samples
}

/** What `me` knows of the others after hearing each of `heard` over [start, end). */
function knowledge(me: Laptop, heard: Laptop[], start: number, end: number): ClockKnowledge {
  const offsets = new Map<string, number>()
  heard.forEach((other, i) => {
    const o = estimateOffset(heartbeats(other, me, start, end, i + me.id.length * 31))
    if (o !== undefined) offsets.set(other.id, o)
  })
  return { self: me.id, offsets, present: [me.id, ...heard.map((h) => h.id)] }
}

function clockAt(me: Laptop, t: number, known: ClockKnowledge): PeerClock {
  return peerClock(clockOf(me, t), known)
}

const T0 = 1_720_000_000_000

describe('reading another laptop’s clock', () => {
  test('the best reading is the one that travelled fastest, from the newest few', () => {
    expect(estimateOffset([])).toBeUndefined()
    const samples = [
      { remote: 10_000, local: 5_300 },
      { remote: 11_000, local: 6_020 },
      { remote: 12_000, local: 7_900 },
    ]
    expect(estimateOffset(samples)).toBe(4_980)
    let kept: ClockSample[] = []
    for (let i = 0; i < MAX_CLOCK_SAMPLES + 5; i++) kept = withSample(kept, { remote: i, local: 0 })
    expect(kept).toHaveLength(MAX_CLOCK_SAMPLES)
    expect(kept[0]?.remote).toBe(5)
  })

  test('a laptop five minutes ahead is read within 150 ms after a few heartbeats', () => {
    const known = knowledge(ana, [ben], T0, T0 + 10_000)
    const offset = known.offsets.get(ben.id) ?? NaN
    expect(Math.abs(offset - (ben.skew - ana.skew))).toBeLessThan(150)
  })

  test('the room’s clock is the median: one laptop minutes off does not move it', () => {
    const fromBen = knowledge(ben, [ana, cleo], T0, T0 + 10_000)
    const fromAna = knowledge(ana, [ben, cleo], T0, T0 + 10_000)
    // Ben's clock plus his room offset reads near Ana's and Cleo's clocks, not his own.
    expect(Math.abs(ben.skew + roomOffset(fromBen) - ana.skew)).toBeLessThan(400)
    expect(Math.abs(roomOffset(fromAna))).toBeLessThan(400)
  })
})

describe('a countdown shared by laptops whose clocks disagree', () => {
  const timerBy = (writer: Laptop, known: ClockKnowledge, at: number): MeetingTimer => ({
    team: 'pipeline',
    started: stampNow(clockAt(writer, at, known)),
    durationMs: 5 * MIN,
    pausedElapsedMs: null,
  })

  test('started by the laptop five minutes ahead, every laptop shows the same time left within 1 s', () => {
    const start = T0 + 10_000
    const laptops = [ana, ben, cleo]
    const knows = new Map(
      laptops.map((l) => [
        l.id,
        knowledge(
          l,
          laptops.filter((o) => o !== l),
          T0,
          start,
        ),
      ]),
    )
    const timer = timerBy(ben, knows.get(ben.id) as ClockKnowledge, start)
    for (const elapsed of [0, 1_000, 90_000, 4 * MIN + 59_500, 6 * MIN]) {
      const truth = 5 * MIN - elapsed
      for (const l of laptops) {
        const left = timerRemainingMs(
          timer,
          clockAt(l, start + elapsed, knows.get(l.id) as ClockKnowledge),
        )
        expect(Math.abs(left - truth), `${l.id} at +${elapsed} ms`).toBeLessThan(1000)
      }
    }
  })

  test('the laptop minutes off reads a countdown started by a correct one within 1 s', () => {
    const start = T0 + 10_000
    const timer = timerBy(ana, knowledge(ana, [ben, cleo], T0, start), start)
    const benKnows = knowledge(ben, [ana, cleo], T0, start + 60_000)
    const left = timerRemainingMs(timer, clockAt(ben, start + 60_000, benKnows))
    expect(Math.abs(left - 4 * MIN)).toBeLessThan(1000)
  })

  test('someone joining after the laptop that started the countdown left reads it through the room’s clock', () => {
    const start = T0 + 10_000
    const timer = timerBy(ben, knowledge(ben, [ana, cleo], T0, start), start)
    // Dan (four minutes behind) arrives two minutes later; Ben has gone, Dan never heard him.
    const danKnows = knowledge(dan, [ana, cleo], start + 2 * MIN - 10_000, start + 2 * MIN)
    expect(danKnows.offsets.has(ben.id)).toBe(false)
    const left = timerRemainingMs(timer, clockAt(dan, start + 2 * MIN, danKnows))
    expect(Math.abs(left - 3 * MIN)).toBeLessThan(1000)
  })

  test('a stamp read on the writer’s own laptop is read on its clock, with no estimate', () => {
    const known: ClockKnowledge = { self: ana.id, offsets: new Map(), present: [ana.id] }
    const stamp = stampNow(clockAt(ana, T0, known))
    expect(nowOnStampClock(stamp, clockAt(ana, T0 + 5000, known))).toBe(T0 + 5000)
  })

  test('a skewed estimate never makes time spoken negative, and a paused countdown stands still', () => {
    const clock: PeerClock = { device: 'x', now: 1000, offsetTo: () => -5000, roomOffset: 0 }
    const timer: MeetingTimer = {
      team: 't',
      started: { at: 1000, by: 'y', room: 0 },
      durationMs: 60_000,
      pausedElapsedMs: null,
    }
    expect(timerRemainingMs(timer, clock)).toBe(60_000)
    expect(timerRemainingMs({ ...timer, pausedElapsedMs: 12_000 }, clock)).toBe(48_000)
  })
})
