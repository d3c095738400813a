/** Where to put the caret when focusing an item's text. */
/**
 * The DOM id of an item's text field. The item's other controls (status, owners, remove) name it
 * in `aria-describedby`, so a screen reader says which item "Add owner" or "Remove item" is for
 * without the controls re-rendering as the text changes.
 */
export function itemTextDomId(itemId: string): string {
  return `item-text-${itemId}`
}

/**
 * The DOM id of a section's heading ("Web: High priority"). Item fields name it in
 * `aria-describedby`, so a screen reader says where an item is, not only "Item".
 */
export function sectionHeadingDomId(teamId: string, section: string): string {
  return `h-${teamId || 'global'}-${section}`
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

/** The name field of a team's panel, if it is rendered. */
export function teamNameField(teamId: string): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>(
    `[data-team-id="${CSS.escape(teamId)}"] .team-name`,
  )
}

/**
 * Focuses the first element `find` returns as soon as React has rendered it: at the end of the
 * current task (a change made in a key handler is rendered by then, so the next keystroke lands
 * there), else over the next frames.
 */
export function focusAsap(find: () => HTMLElement | null | undefined): void {
  queueMicrotask(() => {
    const el = find()
    if (el) el.focus()
    else focusSoon(find)
  })
}

/** Focuses the first element `find` returns, trying again over the next frames (renders). */
export function focusSoon(find: () => HTMLElement | null | undefined, tries = 6): void {
  requestAnimationFrame(() => {
    const el = find()
    if (el) el.focus()
    else if (tries > 0) focusSoon(find, tries - 1)
  })
}

/** Whether the focus is on nothing: the page body, typically after its element was removed. */
export function isFocusLost(): boolean {
  const active = document.activeElement
  return !active || active === document.body || !active.isConnected
}

/**
 * {@link focusSoon}, but only while the focus is lost: it never takes the focus from where the
 * user (or another handler) has put it meanwhile.
 */
export function focusIfLost(find: () => HTMLElement | null | undefined, tries = 6): void {
  focusSoon(() => (isFocusLost() ? find() : undefined), tries)
}

/** The sprint's "+ Add team" button: where the focus goes when nothing nearer is left. */
export function addTeamButton(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.sprint-main .add-team')
}

/** The fields the focus goes back to: item texts and team names, in document order. */
const FIELDS = '.sprint-main textarea[data-item-id], .sprint-main input.team-name'

/**
 * Runs `change` (an undo or redo) and, if it took away the field that had the focus (an item, a
 * team's name) or the panel of the control that had it, puts the focus on the nearest text field
 * still there (the ones before it first, then after), else on "Add team", so a keyboard user never
 * lands on the page's body.
 */
export function keepFocusNear(change: () => void): void {
  const active = document.activeElement
  const all = [...document.querySelectorAll<HTMLElement>(FIELDS)]
  // Where the focus is among the fields: on one, or just after the last one before it.
  const at =
    active instanceof HTMLElement && active !== document.body
      ? all.findLastIndex(
          (el) =>
            el === active ||
            (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        )
      : -2
  change()
  if (at === -2) return
  // An item's field can be re-created by the change (moved back into another list): find it by id.
  const still = (el: HTMLElement): HTMLElement | null =>
    el.dataset.itemId
      ? document.querySelector<HTMLElement>(
          `textarea[data-item-id="${CSS.escape(el.dataset.itemId)}"]`,
        )
      : el.isConnected
        ? el
        : null
  const near = [...all.slice(0, at + 1).reverse(), ...all.slice(at + 1)]
  focusIfLost(() => near.map(still).find((el) => el !== null) ?? addTeamButton(), 2)
}
