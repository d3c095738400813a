/** Where to put the caret when focusing an item's text. */
/**
 * The DOM id of an item's text field. The item's other controls (status, owners, remove) name it
 * in `aria-describedby`, so a screen reader says which item "Add owner" or "Remove item" is for
 * without the controls re-rendering as the text changes.
 */
export function itemTextDomId(itemId: string): string {
  return `item-text-${itemId}`
}

export type CaretTarget = 'start' | 'end' | number

/**
 * Focuses an item's text field once React has rendered it (items move to another list on
 * indent, so their element is re-created). Retries for a few frames.
 */
export function focusItem(itemId: string, caret: CaretTarget = 'end'): void {
  // React has rendered a change made in a key handler by the end of the event: try at once (so
  // the next keystroke lands in the new item), then on the next frames.
  queueMicrotask(() => {
    if (!tryFocus(itemId, caret)) retryFocus(itemId, caret, 6)
  })
}

function retryFocus(itemId: string, caret: CaretTarget, tries: number): void {
  requestAnimationFrame(() => {
    if (!tryFocus(itemId, caret) && tries > 0) retryFocus(itemId, caret, tries - 1)
  })
}

function tryFocus(itemId: string, caret: CaretTarget): boolean {
  const el = document.querySelector<HTMLTextAreaElement>(
    `textarea[data-item-id="${CSS.escape(itemId)}"]`,
  )
  if (!el) return false
  el.focus({ preventScroll: false })
  const pos = caret === 'start' ? 0 : caret === 'end' ? el.value.length : caret
  el.setSelectionRange(pos, pos)
  return true
}

/** The item text fields of the page in visual order (for Up/Down between items). */
export function neighbourItem(from: HTMLElement, by: -1 | 1): HTMLTextAreaElement | undefined {
  const all = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-item-id]')]
  const i = all.indexOf(from as HTMLTextAreaElement)
  return i < 0 ? undefined : all[i + by]
}
