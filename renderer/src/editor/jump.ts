import { focusIfLost } from './focus'
import { areTeamsPending, whenTeamsRendered } from './progressive'

/**
 * Getting around a big sprint by keyboard: to the next / previous section or team, and, on
 * opening a sprint, to where the user was rather than into the title (whose first keystroke would
 * rename the sprint).
 */

const SECTIONS = '.sprint-main section[data-section-key]'
/** The teams, and the global panel before them. */
const PANELS = '.sprint-main article.team-panel'
const TEAMS = '.sprint-main article[data-team-id]'

/** Focuses the next (`by` 1) or previous (-1) section after the focus: its first item, else its
 * notes, else its "Add item". Returns false when there is none that way. */
export function jumpSection(by: 1 | -1): boolean {
  return jumpAmong([...document.querySelectorAll<HTMLElement>(SECTIONS)], by, sectionTarget)
}

/** Focuses the next / previous team's (or the global panel's) first section. */
export function jumpTeam(by: 1 | -1): boolean {
  return jumpAmong([...document.querySelectorAll<HTMLElement>(PANELS)], by, (team) => {
    const first = team.querySelector<HTMLElement>('section[data-section-key]')
    return first ? sectionTarget(first) : team.querySelector<HTMLElement>('input.team-name')
  })
}

/** Focuses a team's first section (used by the team jump dialog). */
export function focusTeam(teamId: string): boolean {
  const team = document.querySelector<HTMLElement>(`${TEAMS}[data-team-id="${CSS.escape(teamId)}"]`)
  const first = team?.querySelector<HTMLElement>('section[data-section-key]')
  const target = first ? sectionTarget(first) : team?.querySelector<HTMLElement>('input.team-name')
  target?.focus()
  return target !== undefined && target !== null
}

function jumpAmong(
  blocks: HTMLElement[],
  by: 1 | -1,
  target: (block: HTMLElement) => HTMLElement | null,
): boolean {
  const active = document.activeElement
  const inside = blocks.findIndex((b) => active instanceof Node && b.contains(active))
  let next: HTMLElement | undefined
  if (inside >= 0) next = blocks[inside + by]
  else if (active instanceof HTMLElement && active !== document.body) {
    // Between blocks (a team's name, Members…): the first block after it, or the last before.
    const after = blocks.findIndex(
      (b) => (active.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    )
    next = by === 1 ? blocks[after] : blocks[(after < 0 ? blocks.length : after) - 1]
  } else next = by === 1 ? blocks[0] : blocks[blocks.length - 1]
  const el = next && target(next)
  if (!el) return false
  el.focus()
  el.scrollIntoView({ block: 'nearest' })
  return true
}

function sectionTarget(section: HTMLElement): HTMLElement | null {
  return section.querySelector<HTMLElement>(
    'textarea[data-item-id], textarea.section-notes, button.add-item',
  )
}

const LAST_ITEM_KEY = 'sprintpad.lastItem.'

/** Remembers the item last typed in, per sprint, for {@link focusWhereLeft}. */
export function rememberLastItem(sprintId: string, itemId: string): void {
  try {
    localStorage.setItem(LAST_ITEM_KEY + sprintId, itemId)
  } catch {
    // No storage: opening the sprint starts at its first empty field instead.
  }
}

/**
 * On opening a sprint, unless the user has put the focus somewhere already: the item last typed
 * in on this device, else the first empty item, else a team's first "Add item", else (no team
 * yet) "+ Add team". The title stays a click or F2 away, so the first keystroke never renames
 * the sprint.
 */
export function focusWhereLeft(sprintId: string): void {
  let last: string | null = null
  try {
    last = localStorage.getItem(LAST_ITEM_KEY + sprintId)
  } catch {
    last = null
  }
  const lastField = last && document.querySelector(`textarea[data-item-id="${CSS.escape(last)}"]`)
  if (areTeamsPending() && !lastField) {
    // The item may be in a team not rendered yet (a big sprint renders its first screen first).
    whenTeamsRendered(() => focusWhereLeft(sprintId))
    return
  }
  focusIfLost(() => {
    const items = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-item-id]')]
    const el =
      items.find((t) => t.dataset.itemId === last) ??
      items.find((t) => t.value === '') ??
      document.querySelector<HTMLElement>(`${TEAMS} button.add-item`) ??
      document.querySelector<HTMLElement>('.sprint-main .add-team')
    if (el instanceof HTMLTextAreaElement) el.setSelectionRange(el.value.length, el.value.length)
    return el
  })
}
