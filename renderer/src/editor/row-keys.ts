import type { KeyboardEvent } from 'react'
import { neighbourItem } from './focus'

/**
 * One Tab stop per item: the text is in the Tab order, the item's other controls (status, owner
 * chips, "Add owner", decision buttons, remove) are not (`tabIndex={-1}`), and the arrow keys move
 * between them as in a toolbar, without getting in the way of typing: → at the end of the text (or
 * of "Add owner") goes to the next control of the line, ← at the start to the previous one; on a
 * button, box or status, ← / → move, Home / End go to the first / last control, ↑ / ↓ to the item
 * above / below. Use as the `onKeyDown` of the item's line (events bubble from its controls).
 */
export function onItemLineKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
  const target = e.target
  if (!(target instanceof HTMLElement)) return
  const controls = lineControls(e.currentTarget)
  const at = controls.indexOf(target)
  if (at < 0) return
  const isTyping = isTextual(target)
  let next: HTMLElement | undefined
  if (e.key === 'ArrowRight' && caretAt(target, 'end')) next = controls[at + 1]
  else if (e.key === 'ArrowLeft' && caretAt(target, 'start')) next = controls[at - 1]
  else if (e.key === 'Home' && !isTyping) next = controls[0]
  else if (e.key === 'End' && !isTyping) next = controls[controls.length - 1]
  else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && isButtonLike(target)) {
    const text = controls.find((c) => c instanceof HTMLTextAreaElement)
    if (text) next = neighbourItem(text, e.key === 'ArrowUp' ? -1 : 1)
  }
  if (!next) return
  e.preventDefault()
  next.focus()
}

/** The enabled controls of one item's line, in order (not those of its nested items). */
export function lineControls(line: HTMLElement): HTMLElement[] {
  return [...line.querySelectorAll<HTMLElement>('textarea, input, select, button')].filter(
    (el) => !(el as HTMLButtonElement).disabled,
  )
}

function isTextual(el: HTMLElement): boolean {
  return (
    el instanceof HTMLTextAreaElement ||
    (el instanceof HTMLInputElement && el.type !== 'checkbox' && el.type !== 'radio')
  )
}

/** Buttons and boxes: the arrows are free there (a select's ↑ / ↓ change its value). */
function isButtonLike(el: HTMLElement): boolean {
  return el instanceof HTMLButtonElement || (el instanceof HTMLInputElement && !isTextual(el))
}

/** Whether the caret is at that edge with nothing selected (always, for a non-text control). */
function caretAt(el: HTMLElement, edge: 'start' | 'end'): boolean {
  if (!isTextual(el)) return true
  const field = el as HTMLInputElement | HTMLTextAreaElement
  if (field.selectionStart !== field.selectionEnd) return false
  return field.selectionStart === (edge === 'start' ? 0 : field.value.length)
}
