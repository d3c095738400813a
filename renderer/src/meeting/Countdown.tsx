import { formatCountdown } from '../../../shared/meeting'
import type { Countdown as CountdownValue } from './useCountdown'

const NOTE = { running: 'left', lastMinute: 'left', over: 'over', paused: 'paused' } as const

/**
 * The speaking team's countdown: `4:32 left`, `+1:05 over`. A `timer` role (not announced every
 * second); its colour says the phase (the last minute, over time) and it pulses for a moment at
 * a milestone.
 */
export function Countdown(props: {
  team: string
  countdown: CountdownValue
  isSignalling: boolean
}) {
  const { remaining, phase } = props.countdown
  return (
    <span
      className={`countdown phase-${phase}${props.isSignalling ? ' is-signalling' : ''}`}
      role="timer"
      aria-label={`Time for ${props.team}`}
    >
      <span className="countdown-time">{formatCountdown(remaining)}</span>{' '}
      <span className="countdown-note">{NOTE[phase]}</span>
    </span>
  )
}
