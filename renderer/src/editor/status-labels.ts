import type { ListRole } from '../../../shared/template'
import { statusesFor, type ItemStatus } from '../../../shared/doc'

/** What each status looks like in the editor: its glyph and its words. */
export const STATUS_LABELS: Readonly<Record<ItemStatus, { glyph: string; label: string }>> = {
  unmarked: { glyph: '○', label: 'Not marked yet' },
  done: { glyph: '✅', label: 'Done' },
  partly: { glyph: '🌀', label: 'Partly done' },
  notDone: { glyph: '❌', label: 'Not done' },
  dropped: { glyph: '⛔', label: 'Dropped' },
  unset: { glyph: '○', label: 'No status' },
  green: { glyph: '🟢', label: 'Green: on track' },
  yellow: { glyph: '🟡', label: 'Yellow: at risk' },
  red: { glyph: '🔴', label: 'Red: off track' },
  undecided: { glyph: '○', label: 'Undecided' },
  reprioritised: { glyph: '↑', label: 'Re-prioritised' },
  deprioritised: { glyph: '↓', label: 'Deprioritised' },
  unchecked: { glyph: '☐', label: 'Not done' },
  checked: { glyph: '☑', label: 'Done' },
}

/** The next status of a role's cycle (Ctrl/Cmd+Enter on an item). */
export function nextStatus(role: ListRole, current: ItemStatus): ItemStatus {
  const list = statusesFor(role)
  const i = list.indexOf(current)
  return list[(i + 1) % list.length] ?? current
}

/** What an item is called in its section (for screen reader labels). */
export function itemNoun(role: ListRole): string {
  return role === 'okr' ? 'OKR' : role === 'retro' ? 'Retro item' : 'Item'
}
