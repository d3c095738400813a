import { useDuplicateNamedTeams, useTeam } from '../editor/useDoc'

/**
 * A team in a team picker (re-renders when that team is renamed); a name another team also has
 * says so, so the two are told apart.
 */
export function TeamOption({ teamId }: { teamId: string }) {
  const team = useTeam(teamId)
  const isDuplicate = useDuplicateNamedTeams().includes(teamId)
  const name = team.name || 'Unnamed team'
  return (
    <option value={teamId}>{isDuplicate ? `${name} (same name as another team)` : name}</option>
  )
}
