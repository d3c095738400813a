/** One edit turning a string into another: delete `remove` chars at `index`, insert `insert`. */
export interface TextEdit {
  index: number
  remove: number
  insert: string
}

/**
 * The single edit from `prev` to `next` given the caret after the edit. The caret decides between
 * equivalent edits (typing `a` into `aa` happened where the caret is), so a colleague's edit in
 * the same text merges at the right place. Returns undefined when nothing changed.
 */
export function diffWithCaret(prev: string, next: string, caret: number): TextEdit | undefined {
  if (prev === next) return undefined
  const grown = Math.max(0, next.length - prev.length)
  // The inserted text ends at the caret, so the common prefix cannot run past its start.
  const maxPrefix = Math.max(0, Math.min(prev.length, next.length, caret - grown))
  let start = 0
  while (start < maxPrefix && prev[start] === next[start]) start++
  let end = 0
  while (
    end < prev.length - start &&
    end < next.length - start &&
    prev[prev.length - 1 - end] === next[next.length - 1 - end]
  )
    end++
  return {
    index: start,
    remove: prev.length - start - end,
    insert: next.slice(start, next.length - end),
  }
}

/** A Yjs text delta (retain / insert / delete ops). */
export type Delta = readonly { retain?: number; insert?: unknown; delete?: number }[]

/**
 * Where a caret at `pos` goes after a remote change described by `delta`: text inserted before it
 * pushes it right, text deleted before it pulls it left, anything at or after it leaves it be.
 */
export function mapCaret(pos: number, delta: Delta): number {
  let index = 0
  let out = pos
  for (const op of delta) {
    if (index >= pos) break
    if (op.retain !== undefined) index += op.retain
    else if (op.insert !== undefined) out += typeof op.insert === 'string' ? op.insert.length : 1
    else if (op.delete !== undefined) {
      out -= Math.min(op.delete, pos - index)
      index += op.delete
    }
  }
  return Math.max(0, out)
}

/**
 * Shows a remote (or undo) change of a bound Y.Text in its field: rewrites the value and, when the
 * field has focus, maps the selection through the change so the caret does not jump. Returns
 * false when the field already showed that text (the change was our own typing).
 */
export function showRemoteChange(
  el: HTMLTextAreaElement | HTMLInputElement,
  next: string,
  delta: Delta,
): boolean {
  if (el.value === next) return false
  const start = el.selectionStart ?? 0
  const end = el.selectionEnd ?? 0
  el.value = next
  if (document.activeElement === el) {
    el.setSelectionRange(mapCaret(start, delta), mapCaret(end, delta))
  }
  return true
}
