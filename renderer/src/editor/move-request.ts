/**
 * Asking the sprint view to open "Move to…" for an item, from wherever the request comes (the
 * item's keys, its drag handle) without threading a callback through every list.
 */
const EVENT = 'sprintpad:move-item'

export function requestMoveDialog(itemId: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: itemId }))
}

/** Calls `onRequest` with the item id of each request; returns the unsubscribe. */
export function onMoveDialogRequest(onRequest: (itemId: string) => void): () => void {
  const listener = (e: Event): void => {
    if (e instanceof CustomEvent && typeof e.detail === 'string') onRequest(e.detail)
  }
  window.addEventListener(EVENT, listener)
  return () => window.removeEventListener(EVENT, listener)
}
