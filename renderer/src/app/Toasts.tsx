import { useEffect, useRef, useState, type FocusEvent, type RefObject } from 'react'
import { useStore } from '../store/useY'
import { useToast } from './toast'

/**
 * The toast area: a polite live region at the bottom left, clear of the export panel; while the
 * field being typed in sits where the toasts would cover it, they show at the top instead.
 */
export function Toasts() {
  const toasts = useToast()
  const list = useStore(toasts.store)
  const ref = useRef<HTMLDivElement>(null)
  const isAtTop = useClearOfFocus(ref, list.length)
  const leaves = (e: FocusEvent<HTMLElement>): boolean =>
    !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))
  return (
    <div ref={ref} className={`toasts${isAtTop ? ' at-top' : ''}`} role="status" aria-live="polite">
      {list.slice(-3).map((t) => (
        <div
          key={t.id}
          data-toast-id={t.id}
          className={`toast${t.isError ? ' is-error' : ''}`}
          // Reading or reaching for a toast holds it; it goes a moment after being left.
          onMouseEnter={() => toasts.pause(t.id, 'hover')}
          onMouseLeave={() => toasts.resume(t.id, 'hover')}
          onFocus={() => toasts.pause(t.id, 'focus')}
          onBlur={(e) => {
            if (leaves(e)) toasts.resume(t.id, 'focus')
          }}
        >
          <span>{t.message}</span>
          {t.action && (
            <button type="button" className="toast-action" onClick={() => toasts.act(t.id)}>
              {t.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => toasts.dismiss(t.id, true)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}

/**
 * Whether the toasts must move to the top: the focused field (outside them) lies in the band they
 * take up at the bottom, across their width. Checked when the focus moves, the page scrolls or
 * the number of toasts changes. The band is where they are at the bottom, wherever they are now,
 * so the answer never flips back and forth.
 */
function useClearOfFocus(ref: RefObject<HTMLDivElement | null>, count: number): boolean {
  const [isAtTop, setAtTop] = useState(false)
  // Where the toasts' bottom edge is when they are at the bottom (above the export panel in a
  // narrow window, else near the window's edge).
  const bottomEdge = useRef<number | undefined>(undefined)
  useEffect(() => {
    const check = (): void => {
      const el = ref.current
      const box = el?.getBoundingClientRect()
      const active = document.activeElement
      if (
        !el ||
        !box ||
        count === 0 ||
        !(active instanceof HTMLElement) ||
        active === document.body
      ) {
        return setAtTop(false)
      }
      if (!el.classList.contains('at-top')) bottomEdge.current = box.bottom
      if (el.contains(active)) return
      const field = active.getBoundingClientRect()
      const bottom = bottomEdge.current ?? window.innerHeight
      const isCovered = field.bottom > bottom - box.height - 16 && field.top < bottom + 16
      setAtTop(isCovered && field.left < box.right && field.right > box.left)
    }
    check()
    document.addEventListener('focusin', check)
    document.addEventListener('scroll', check, { capture: true, passive: true })
    return () => {
      document.removeEventListener('focusin', check)
      document.removeEventListener('scroll', check, { capture: true })
    }
  }, [ref, count])
  return isAtTop
}
