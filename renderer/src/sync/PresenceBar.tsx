import type { Peer } from '../../../shared/sync'

function label(peer: Peer): string {
  const handle = peer.user.handle ? ` (@${peer.user.handle})` : ''
  return `${peer.user.name}${handle}${peer.isSelf ? ' — you' : ''}`
}

/** Who is here: one coloured avatar per person, me first. Shown in the sprint header. */
export function PresenceBar(props: { peers: readonly Peer[] }) {
  if (props.peers.length === 0) return null
  return (
    <ul className="presence-bar" aria-label="People here">
      {props.peers.map((p) => (
        <li key={p.clientId} title={label(p)} aria-label={label(p)}>
          <span className="avatar" style={{ background: p.user.color }} aria-hidden="true">
            {initials(p.user.name)}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** One or two letters of a name (`Ada Lovelace` → `AL`). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/)
  const first = [...(parts[0] ?? '?')][0] ?? '?'
  const last = parts.length > 1 ? ([...(parts[parts.length - 1] ?? '')][0] ?? '') : ''
  return (first + last).toUpperCase()
}
