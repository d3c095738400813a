import { useTeam } from '../editor/useDoc'

/** A team in a team picker (re-renders when that team is renamed). */
export function TeamOption({ teamId }: { teamId: string }) {
  const team = useTeam(teamId)
  return <option value={teamId}>{team.name || 'Unnamed team'}</option>
}
