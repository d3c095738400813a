import { useEffect, useRef, useState } from 'react'
import { timerRemainingMs, type MeetingTimer } from '../../../shared/doc'
import {
  countdownPhase,
  crossedMilestones,
  peerClock,
  type CountdownPhase,
  type Milestone,
} from '../../../shared/meeting'
import { clockKnowledge, useMeetingPresence } from './meeting-presence'
import { useNow } from './useMeeting'

export interface Countdown {
  /** Time left in ms (negative: over time). */
  remaining: number
  phase: CountdownPhase
}

/** The speaking team's countdown, as this peer reads it, redrawn four times a second. */
export function useCountdown(timer: MeetingTimer | undefined): Countdown | undefined {
  const presence = useMeetingPresence()
  const isRunning = timer !== undefined && timer.pausedElapsedMs === null
  const now = useNow(isRunning)
  if (!timer) return undefined
  const remaining = timerRemainingMs(timer, peerClock(now, clockKnowledge(presence)))
  return { remaining, phase: countdownPhase(remaining, timer.pausedElapsedMs !== null) }
}

/**
 * Calls `onMilestone` when the countdown passes one minute left or zero while this peer watches
 * (not when a sprint is opened mid-meeting, nor again for a countdown already past it), and
 * returns the milestone for a few seconds after, for a gentle visual signal.
 */
export function useMilestones(
  timer: MeetingTimer | undefined,
  countdown: Countdown | undefined,
  onMilestone: (m: Milestone) => void,
): Milestone | undefined {
  const key = timer ? `${timer.team}@${timer.started.by}@${timer.started.at}` : ''
  const last = useRef<{ key: string; remaining: number } | undefined>(undefined)
  const [recent, setRecent] = useState<Milestone | undefined>()
  const remaining = countdown?.remaining
  useEffect(() => {
    if (remaining === undefined) {
      last.current = undefined
      return
    }
    const before = last.current?.key === key ? last.current.remaining : undefined
    last.current = { key, remaining }
    const crossed = crossedMilestones(before, remaining)
    const latest = crossed.at(-1)
    if (latest === undefined) return
    for (const m of crossed) onMilestone(m)
    setRecent(latest)
  }, [key, remaining, onMilestone])
  useEffect(() => {
    if (!recent) return
    const t = setTimeout(() => setRecent(undefined), 4000)
    return () => clearTimeout(t)
  }, [recent])
  return recent
}
