import type { FocusEvent } from 'react'
import { useStore } from '../store/useY'
import { useToast } from './toast'

/** The toast area: a polite live region at the bottom left, clear of the export panel. */
export function Toasts() {
  const toasts = useToast()
  const list = useStore(toasts.store)
  const leaves = (e: FocusEvent<HTMLElement>): boolean =>
    !(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))
  return (
    <div className="toasts" role="status" aria-live="polite">
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
