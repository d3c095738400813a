import { useSyncExternalStore } from 'react'
import type { Peer } from '../../../shared/sync'
import type { OpenSprint } from '../store/open-sprint'
import { usePeers } from '../sync/useSync'
import type { SyncWiring } from './sync-wiring'

const noSubscribe = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined

/** The others working in a team right now: editing one of its items. */
export function peersInTeam(sprint: OpenSprint, peers: readonly Peer[], teamId: string): Peer[] {
  return peers.filter(
    (p) => !p.isSelf && p.editing && sprint.structure.place(p.editing)?.effectiveTeam === teamId,
  )
}

/** A team panel's "who is here": the people editing this team's items. */
export function TeamPresenceHere(props: {
  wiring: SyncWiring
  sprint: OpenSprint
  teamId: string
}) {
  const sync = props.wiring.syncOf(props.sprint)
  const state = useSyncExternalStore(
    sync?.store.subscribe ?? noSubscribe,
    sync?.store.getSnapshot ?? noSnapshot,
  )
  const here = peersInTeam(props.sprint, usePeers(state?.session), props.teamId)
  if (here.length === 0) return null
  return (
    <ul className="team-presence" aria-label="Working in this team">
      {here.map((p) => (
        <li key={p.clientId}>
          <span className="presence-dot" style={{ background: p.user.color }} aria-hidden="true" />
          {p.user.name}
          {p.user.handle ? ` (@${p.user.handle})` : ''}
        </li>
      ))}
    </ul>
  )
}
