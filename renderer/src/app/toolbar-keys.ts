import type { KeyboardEvent } from 'react'

/**
 * The arrow keys of a `role="toolbar"`, as the ARIA toolbar pattern has them: ← / → move to the
 * previous / next enabled button (wrapping), Home / End to the first / last. Tab still visits each
 * button, so nothing a keyboard user already does changes. Use as the toolbar's `onKeyDown`.
 */
export function onToolbarKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')]
  const at = buttons.findIndex((b) => b === e.target)
  if (at < 0) return
  const last = buttons.length - 1
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? last
        : e.key === 'ArrowRight'
          ? (at + 1) % buttons.length
          : (at - 1 + buttons.length) % buttons.length
  e.preventDefault()
  buttons[next]?.focus()
}
