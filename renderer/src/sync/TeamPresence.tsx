import type { Peer } from '../../../shared/sync'

/** The people present whose GitHub handle is among the team's members (case-insensitive). */
export function presentMembers(peers: readonly Peer[], members: readonly string[]): Peer[] {
  const set = new Set(members.map((m) => m.replace(/^@/, '').toLowerCase()))
  return peers.filter((p) => p.user.handle !== '' && set.has(p.user.handle.toLowerCase()))
}

/** For a team panel: who of the team is here right now. */
export function TeamPresence(props: { peers: readonly Peer[]; members: readonly string[] }) {
  const here = presentMembers(props.peers, props.members)
  if (here.length === 0) return null
  return (
    <ul className="team-presence" aria-label="Team members here">
      {here.map((p) => (
        <li key={p.clientId} style={{ color: p.user.color }}>
          {p.user.name} (@{p.user.handle})
        </li>
      ))}
    </ul>
  )
}
