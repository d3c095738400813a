import { moveItem } from '../../../shared/doc'
import type { OpenSprint } from '../store/open-sprint'
import { sectionKey } from '../store/structure-index'

/** The drag payload type of an item (its id). */
export const ITEM_MIME = 'application/x-sprintpad-item'

/** Where a dragged item lands: before or after an item, or at the end of a section. */
export type DropTarget =
  | { kind: 'item'; itemId: string; isAfter: boolean }
  | { kind: 'section'; teamId: string; section: string }

/**
 * Moves the dragged item to the drop target with the model's move (a field change: the item keeps
 * its text, status and children). Dropping an item onto itself or its own subtree does nothing.
 */
export function dropItem(sprint: OpenSprint, draggedId: string, target: DropTarget): boolean {
  // The move is an undo step of its own, apart from any typing before or after it.
  sprint.checkpoint()
  const moved = moveTo(sprint, draggedId, target)
  sprint.checkpoint()
  return moved
}

function moveTo(sprint: OpenSprint, draggedId: string, target: DropTarget): boolean {
  const { doc, structure } = sprint
  if (target.kind === 'section') {
    const siblings = structure
      .childIds(sectionKey(target.teamId, target.section))
      .filter((id) => id !== draggedId)
    return moveItem(doc, {
      itemId: draggedId,
      teamId: target.teamId,
      section: target.section,
      parent: '',
      index: siblings.length,
    })
  }
  if (target.itemId === draggedId) return false
  const place = structure.place(target.itemId)
  if (!place) return false
  const siblings = structure
    .childIds(place.effectiveParent || sectionKey(place.effectiveTeam, place.effectiveSection))
    .filter((id) => id !== draggedId)
  const index = siblings.indexOf(target.itemId) + (target.isAfter ? 1 : 0)
  return moveItem(doc, {
    itemId: draggedId,
    teamId: place.effectiveTeam,
    section: place.effectiveSection,
    parent: place.effectiveParent,
    index,
  })
}
