import { countRender } from '../app/render-count'
import { useTeamIds } from './useDoc'
import { TeamPanel } from './TeamPanel'

/** Every team of the sprint, in order. */
export function TeamList() {
  countRender('TeamList')
  const ids = useTeamIds()
  if (ids.length === 0) {
    return <p className="empty-hint">No teams yet. Add one, or import a team’s comment.</p>
  }
  return (
    <div className="team-list">
      {ids.map((id, i) => (
        <TeamPanel key={id} teamId={id} index={i} count={ids.length} />
      ))}
    </div>
  )
}
