import { startTransition, useEffect, useLayoutEffect, useState } from 'react'
import { countRender } from '../app/render-count'
import { useTeamIds } from './useDoc'
import { TeamPanel } from './TeamPanel'
import { markTeamsPending, markTeamsRendered, resetTeamsPending } from './progressive'

/** Teams rendered in the first pass: the first screen's row (two columns on a wide window). */
export const FIRST_TEAMS = 2
/** Teams added per later pass: each pass is a short task, so typing never waits behind one. */
export const TEAMS_PER_PASS = 2

/**
 * Every team of the sprint, in order. A big sprint renders its first screen first: the first
 * {@link FIRST_TEAMS} teams, then {@link TEAMS_PER_PASS} more per pass in a transition once the
 * browser has painted, with a placeholder of a team's height for each team still to come.
 */
export function TeamList() {
  countRender('TeamList')
  const ids = useTeamIds()
  // Infinity once every team is rendered: a team added later shows at once.
  const [shown, setShown] = useState(() => (ids.length <= FIRST_TEAMS ? Infinity : FIRST_TEAMS))
  const isPartial = shown < ids.length
  const total = ids.length

  useLayoutEffect(() => {
    // Marks for the benchmark's breakdown of opening a sprint (DevTools shows them too).
    performance.mark(isPartial ? 'sprintpad:first-teams' : 'sprintpad:all-teams')
    if (isPartial) markTeamsPending()
    else markTeamsRendered()
  }, [isPartial])
  useLayoutEffect(() => resetTeamsPending, [])

  useEffect(() => {
    if (!isPartial) return
    // After the paint of what is rendered: a timer, not a microtask, so the frame shows first.
    const next = (n: number): number =>
      n + TEAMS_PER_PASS >= total ? Infinity : n + TEAMS_PER_PASS
    const timer = setTimeout(() => startTransition(() => setShown(next)), 0)
    return () => clearTimeout(timer)
  }, [isPartial, shown, total])

  if (ids.length === 0) {
    return <p className="empty-hint">No teams yet. Add one, or import a team’s comment.</p>
  }
  return (
    <div className="team-list">
      {ids.slice(0, shown).map((id, i) => (
        <TeamPanel key={id} teamId={id} index={i} count={ids.length} />
      ))}
      {ids.slice(shown).map((id) => (
        <div key={id} className="team-placeholder" aria-hidden="true" />
      ))}
    </div>
  )
}
