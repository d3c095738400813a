import type { OpenSprint } from '../store/open-sprint'
import { announce } from './announce'
import { dropItem } from './drag'
import { focusItem } from './focus'

/**
 * Moves an item (with its nested items) to the end of the previous (-1) or next (+1) list section
 * of its team, as shown on screen, with the model's move (a field change). Announces where it
 * went, or that there is no section further. Returns whether it moved.
 */
export function moveToNeighbourSection(
  sprint: OpenSprint,
  itemId: string,
  from: HTMLElement,
  by: -1 | 1,
): boolean {
  const place = sprint.structure.place(itemId)
  const panel = from.closest('.team-panel')
  const current = from.closest<HTMLElement>('section[data-section-key]')
  if (!place || !panel || !current) return false
  const sections = [...panel.querySelectorAll<HTMLElement>('section[data-section-kind="list"]')]
  const target = sections[sections.indexOf(current) + by]
  const key = target?.dataset.sectionKey
  if (!target || key === undefined) {
    announce(by < 0 ? 'Already in the first section' : 'Already in the last section')
    return false
  }
  const caret = from instanceof HTMLTextAreaElement ? from.selectionStart : 'end'
  if (!dropItem(sprint, itemId, { kind: 'section', teamId: place.effectiveTeam, section: key })) {
    return false
  }
  focusItem(itemId, caret)
  announce(`Moved to ${target.dataset.sectionTitle ?? key}`)
  return true
}
