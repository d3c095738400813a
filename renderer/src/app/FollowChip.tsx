import type { Peer } from '../../../shared/sync'
import { peerDevice, type FollowTarget } from './useFollow'

/**
 * "Following Ana — stop" while this laptop follows someone; otherwise, when someone presents,
 * an offer to follow them.
 */
export function FollowChip(props: {
  peers: readonly Peer[]
  followed: FollowTarget | undefined
  onFollow: (target: FollowTarget) => void
  onStop: () => void
}) {
  const { followed } = props
  if (followed) {
    const isHere = props.peers.some((p) => !p.isSelf && peerDevice(p) === followed.device)
    return (
      <p className="follow-chip" role="group" aria-label={`Following ${followed.name}`}>
        <span>
          Following {followed.name}
          {isHere ? '' : ' (away)'} —{' '}
        </span>
        <button
          type="button"
          className="link-button"
          aria-label={`Stop following ${followed.name}`}
          onClick={props.onStop}
        >
          stop
        </button>
      </p>
    )
  }
  const presenter = props.peers.find((p) => !p.isSelf && p.presenting)
  if (!presenter) return null
  return (
    <p className="follow-chip is-offer">
      <span>{presenter.user.name} is presenting — </span>
      <button
        type="button"
        className="link-button"
        aria-label={`Follow ${presenter.user.name}, who is presenting`}
        onClick={() => props.onFollow({ device: peerDevice(presenter), name: presenter.user.name })}
      >
        follow
      </button>
    </p>
  )
}
