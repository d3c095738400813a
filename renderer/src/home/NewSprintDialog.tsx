import { useEffect, useId, useRef, useState } from 'react'
import { TEMPLATES, DEFAULT_TEMPLATE_ID } from '../../../shared/template'
import { defaultSprintTitle, twoWeeksFrom } from '../app/dates'

export interface NewSprintValues {
  title: string
  startDate: string
  endDate: string
  templateId: string
  /** Only for an issue import. */
  markdown: string
}

interface Props {
  heading: string
  submitLabel: string
  startDate: string
  /** Show the template picker (not when starting the next sprint: it keeps the template). */
  hasTemplatePicker: boolean
  /** Ask for an issue body to import. */
  hasMarkdown?: boolean
  initialMarkdown?: string
  onSubmit: (values: NewSprintValues) => Promise<void>
  onClose: () => void
}

/** Create a sprint: dates (two weeks by default), a title that follows them, a template. */
export function NewSprintDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const initial = twoWeeksFrom(props.startDate)
  const [startDate, setStart] = useState(initial.startDate)
  const [endDate, setEnd] = useState(initial.endDate)
  const [title, setTitle] = useState<string | undefined>(undefined)
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID)
  const [markdown, setMarkdown] = useState(props.initialMarkdown ?? '')
  const [error, setError] = useState('')
  const [isBusy, setBusy] = useState(false)
  const id = useId()
  const shownTitle = title ?? defaultSprintTitle(startDate, endDate)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (endDate < startDate) {
            setError('The sprint ends before it starts.')
            return
          }
          setBusy(true)
          props
            .onSubmit({
              title: shownTitle.trim() || defaultSprintTitle(startDate, endDate),
              startDate,
              endDate,
              templateId,
              markdown,
            })
            .catch((err: unknown) => {
              setError(err instanceof Error ? err.message : String(err))
              setBusy(false)
            })
        }}
      >
        <h2 id={`${id}-h`}>{props.heading}</h2>
        <div className="form-grid">
          <label htmlFor={`${id}-start`}>Starts</label>
          <input
            id={`${id}-start`}
            type="date"
            required
            value={startDate}
            onChange={(e) => {
              setStart(e.target.value)
              if (e.target.value) setEnd(twoWeeksFrom(e.target.value).endDate)
            }}
          />
          <label htmlFor={`${id}-end`}>Ends</label>
          <input
            id={`${id}-end`}
            type="date"
            required
            value={endDate}
            onChange={(e) => setEnd(e.target.value)}
          />
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} value={shownTitle} onChange={(e) => setTitle(e.target.value)} />
          {props.hasTemplatePicker && (
            <>
              <label htmlFor={`${id}-tpl`}>Template</label>
              <select
                id={`${id}-tpl`}
                value={templateId}
                onChange={(e) => setTemplateId(e.target.value)}
              >
                {TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {props.hasMarkdown && (
            <>
              <label htmlFor={`${id}-md`}>Issue body</label>
              <textarea
                id={`${id}-md`}
                rows={10}
                required
                className="import-text"
                value={markdown}
                onChange={(e) => setMarkdown(e.target.value)}
              />
            </>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          {/* Through the native close: the focus goes back to the button that opened it. */}
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={isBusy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
