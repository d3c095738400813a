import { useEffect, useId, useRef } from 'react'
import { SHORTCUTS } from './shortcuts'

interface Props {
  onClose: () => void
}

/** The keyboard shortcuts of the sprint view, in a modal dialog (Escape or Close closes it). */
export function ShortcutsDialog({ onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog shortcuts-dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
    >
      <h2 id={`${id}-h`}>Keyboard shortcuts</h2>
      {SHORTCUTS.map((group) => (
        <section key={group.title} aria-labelledby={`${id}-${group.title}`}>
          <h3 id={`${id}-${group.title}`} className="shortcuts-group">
            {group.title}
          </h3>
          <dl className="shortcuts">
            {group.list.map((s) => (
              <div key={s.does} className="shortcut">
                <dt>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 &&
                        (s.isSequence ? (
                          <span className="then"> then </span>
                        ) : (
                          <span aria-hidden="true">+</span>
                        ))}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{s.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="primary" autoFocus onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
