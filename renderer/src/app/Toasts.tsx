import { useStore } from '../store/useY'
import { useToast } from './toast'

/** The toast area: a polite live region at the bottom of the window. */
export function Toasts() {
  const toasts = useToast()
  const list = useStore(toasts.store)
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.slice(-3).map((t) => (
        <div key={t.id} className={`toast${t.isError ? ' is-error' : ''}`}>
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
