import type { CheckTarget } from '../../../shared/meeting'
import { focusItem } from '../editor/focus'
import { areTeamsPending, whenTeamsRendered } from '../editor/progressive'

/**
 * Takes the user to where a plan-check finding is fixed: the item's text (scrolled into view,
 * caret at the end), or the team's support hero / time-off field. False when it is not shown.
 */
export function jumpTo(teamId: string, target: CheckTarget): boolean {
  if (areTeamsPending()) {
    // A big sprint still rendering its teams: jump once they are all there.
    whenTeamsRendered(() => jumpTo(teamId, target))
    return true
  }
  if (target.kind === 'item') {
    const selector = `textarea[data-item-id="${CSS.escape(target.itemId)}"]`
    if (!document.querySelector(selector)) return false
    focusItem(target.itemId)
    return true
  }
  const panel = document.querySelector<HTMLElement>(`article[data-team-id="${CSS.escape(teamId)}"]`)
  const wanted = target.field === 'supportHero' ? /^support hero/i : /^off during/i
  const label = [...(panel?.querySelectorAll('label') ?? [])].find((l) =>
    wanted.test(l.textContent.trim()),
  )
  const field = label?.htmlFor ? document.getElementById(label.htmlFor) : null
  if (!field) return false
  field.scrollIntoView({ block: 'center' })
  field.focus()
  return true
}
