import { Countdown } from './Countdown'
import { useCountdown } from './useCountdown'
import { useRunningTimer } from './useMeeting'

/**
 * In a team's panel while the team speaks: "Now speaking" and its countdown, so the team is
 * marked for everyone wherever they are in the sprint (the panel is outlined too, see CSS).
 */
export function SpeakingMark(props: { teamId: string; name: string }) {
  const running = useRunningTimer()
  const timer = running?.team === props.teamId ? running : undefined
  const countdown = useCountdown(timer)
  if (!timer || !countdown) return null
  return (
    <p className="speaking-mark">
      <span className="speaking-label">Now speaking</span>
      <Countdown team={props.name} countdown={countdown} isSignalling={false} />
    </p>
  )
}
