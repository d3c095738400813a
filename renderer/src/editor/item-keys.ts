import type { KeyboardEvent } from 'react'
import {
  addItem,
  editItemText,
  indentItem,
  joinItemInto,
  outdentItem,
  removeItem,
  setItemStatus,
  shiftItem,
  type ItemStatus,
} from '../../../shared/doc'
import type { ListRole } from '../../../shared/template'
import type { OpenSprint } from '../store/open-sprint'
import { sectionKey } from '../store/structure-index'
import { focusItem, neighbourItem } from './focus'
import { nextStatus } from './status-labels'
import { moveToNeighbourSection } from './move-section'
import { announce } from './announce'
import { requestMoveDialog } from './move-request'

/**
 * The editing keys of an item (Linear-like): Enter splits/adds the next item, Backspace on an empty
 * item removes it, Tab / Shift+Tab nest and un-nest, Alt+Up/Down reorder, Alt+Shift+Up/Down move
 * to the end of the previous / next section, Up/Down at the text's edge move between items,
 * Backspace at the start joins the item into the one above, Ctrl/Cmd+Enter cycles the status,
 * Ctrl/Cmd+Shift+M opens "Move to…". Tab nests, so Escape then Tab (or Shift+Tab) leaves the
 * item for the next (previous) control, as in code editors. Returns true when it handled the key.
 */
export function handleItemKey(
  e: KeyboardEvent<HTMLTextAreaElement>,
  sprint: OpenSprint,
  item: { id: string; role: ListRole; status: ItemStatus; hasChildren: boolean },
): boolean {
  const { doc, structure } = sprint
  const el = e.currentTarget
  const place = structure.place(item.id)
  if (!place) return false
  const isMod = e.ctrlKey || e.metaKey
  if (e.key === 'Escape') {
    // A second Escape is not ours: it reaches the sprint (e.g. to leave presentation mode).
    if (el.dataset.tabLeaves) return false
    el.dataset.tabLeaves = 'true'
    el.addEventListener('blur', () => delete el.dataset.tabLeaves, { once: true })
    announce('Tab now moves to the next control')
    return true
  }
  const tabLeaves = el.dataset.tabLeaves === 'true'
  if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) delete el.dataset.tabLeaves
  // After Escape, Tab does what it does everywhere else: the browser moves focus on.
  if (e.key === 'Tab' && tabLeaves) return false
  // Shift+Tab in a top-level item has nothing to un-nest: it leaves the item, as everywhere.
  if (e.key === 'Tab' && e.shiftKey && !place.effectiveParent) return false
  const isStructural =
    e.key === 'Enter' || e.key === 'Tab' || (e.altKey && e.key.startsWith('Arrow'))
  // A new item, a nesting or a move is its own undo step, apart from the typing around it.
  if (isStructural) sprint.checkpoint()
  if (isMod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'm') {
    requestMoveDialog(item.id)
    return true
  }
  if (e.key === 'Enter' && isMod) {
    setItemStatus(doc, { itemId: item.id, status: nextStatus(item.role, item.status) })
    return true
  }
  if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
    const caret = el.selectionEnd
    const tail = el.value.slice(caret)
    const siblings = structure.childIds(
      place.effectiveParent || sectionKey(place.effectiveTeam, place.effectiveSection),
    )
    if (tail) editItemText(doc, { itemId: item.id, index: caret, remove: tail.length, insert: '' })
    const id = addItem(doc, {
      teamId: place.effectiveTeam,
      section: place.effectiveSection,
      parent: place.effectiveParent,
      index: siblings.indexOf(item.id) + 1,
      text: tail,
    })
    focusItem(id, 'start')
    return true
  }
  if (e.key === 'Backspace' && el.value === '' && !item.hasChildren) {
    const prev = neighbourItem(el, -1) ?? neighbourItem(el, 1)
    removeItem(doc, { itemId: item.id })
    if (prev?.dataset.itemId) focusItem(prev.dataset.itemId, 'end')
    return true
  }
  if (
    e.key === 'Backspace' &&
    el.value !== '' &&
    el.selectionStart === 0 &&
    el.selectionEnd === 0
  ) {
    // Joins the item into the one above it on screen (the reverse of Enter's split). An item
    // with nested items joins only its previous sibling with none, so nothing changes order.
    const aboveEl = neighbourItem(el, -1)
    const above = aboveEl?.dataset.itemId
    // Only within the section: never into another section's or team's item.
    if (!above || aboveEl.closest('section') !== el.closest('section')) return false
    const siblings = structure.childIds(
      place.effectiveParent || sectionKey(place.effectiveTeam, place.effectiveSection),
    )
    const previous = siblings[siblings.indexOf(item.id) - 1]
    if (item.hasChildren && above !== previous) return false
    sprint.checkpoint()
    const joined = joinItemInto(doc, { itemId: item.id, into: above })
    if (joined) focusItem(above, joined.caret)
    return joined !== undefined
  }
  if (e.key === 'Tab') {
    const caret = el.selectionStart
    const isMoved = e.shiftKey
      ? outdentItem(doc, { itemId: item.id })
      : indentItem(doc, { itemId: item.id })
    if (isMoved) focusItem(item.id, caret)
    // Inside an item Tab nests (Escape first to leave the item).
    return true
  }
  if (e.altKey && e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
    moveToNeighbourSection(sprint, item.id, el, e.key === 'ArrowUp' ? -1 : 1)
    return true
  }
  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
    const caret = el.selectionStart
    if (shiftItem(doc, { itemId: item.id, by: e.key === 'ArrowUp' ? -1 : 1 })) {
      focusItem(item.id, caret)
    }
    return true
  }
  const atStart = el.selectionStart === 0 && el.selectionEnd === 0
  const atEnd = el.selectionStart === el.value.length
  if ((e.key === 'ArrowUp' && atStart) || (e.key === 'ArrowDown' && atEnd)) {
    const next = neighbourItem(el, e.key === 'ArrowUp' ? -1 : 1)
    if (!next?.dataset.itemId) return false
    focusItem(next.dataset.itemId, e.key === 'ArrowUp' ? 'end' : 'start')
    return true
  }
  return false
}
