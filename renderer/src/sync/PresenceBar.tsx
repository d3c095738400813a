import type { Peer } from '../../../shared/sync'

function label(peer: Peer): string {
  const handle = peer.user.handle ? ` (@${peer.user.handle})` : ''
  const presenting = peer.presenting ? ' — presenting' : ''
  return `${peer.user.name}${handle}${peer.isSelf ? ' — you' : presenting}`
}

/** Following someone from the presence bar: who is followed (a device id), and the toggle. */
export interface FollowControls {
  followed: string | undefined
  onToggle: (peer: Peer) => void
}

/**
 * Who is here: one coloured avatar per person, me first, shown in the sprint header. With
 * `follow`, each other person's avatar is a button that follows them (their view scrolls yours)
 * or stops following; a person presenting is marked.
 */
export function PresenceBar(props: { peers: readonly Peer[]; follow?: FollowControls }) {
  if (props.peers.length === 0) return null
  const { follow } = props
  return (
    <ul className="presence-bar" aria-label="People here">
      {props.peers.map((p) => {
        const avatar = (
          <span className="avatar" style={{ background: p.user.color }} aria-hidden="true">
            {initials(p.user.name)}
            {p.presenting && <span className="presenting-badge">▶</span>}
          </span>
        )
        const isFollowed = follow?.followed !== undefined && follow.followed === deviceOf(p)
        return (
          <li key={p.clientId} title={label(p)} aria-label={label(p)}>
            {follow && !p.isSelf ? (
              <button
                type="button"
                className={`avatar-button${isFollowed ? ' is-followed' : ''}`}
                aria-pressed={isFollowed}
                aria-label={`Follow ${p.user.name}`}
                title={isFollowed ? `Stop following ${p.user.name}` : `Follow ${label(p)}`}
                onClick={() => follow.onToggle(p)}
              >
                {avatar}
              </button>
            ) : (
              avatar
            )}
          </li>
        )
      })}
    </ul>
  )
}

function deviceOf(peer: Peer): string {
  return peer.device ?? `client:${peer.clientId}`
}

/** One or two letters of a name (`Ada Lovelace` → `AL`). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  const first = [...(parts[0] ?? '?')][0] ?? '?'
  const last = parts.length > 1 ? ([...(parts[parts.length - 1] ?? '')][0] ?? '') : ''
  return (first + last).toUpperCase()
}
