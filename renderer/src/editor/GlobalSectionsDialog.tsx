import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import {
  GLOBAL_TEAM,
  addGlobalSection,
  removeGlobalSection,
  renameGlobalSection,
} from '../../../shared/doc'
import { TemplateEditError, sectionKindOf, type TemplateSection } from '../../../shared/template'
import { useToast } from '../app/toast'
import { useSprint } from './sprint-context'
import { useTeamSections } from './useDoc'
import { describeSection } from './SectionsDialog'
import { sectionTitle } from './section-title'
import { undoLastStepAction } from './undo-toast'

interface Props {
  title: string
  onClose: () => void
}

/** The sections of the issue body a list can be shown in, as the global panel shows them. */
function useGlobalSections(): TemplateSection[] {
  return useTeamSections(GLOBAL_TEAM).filter((s) => sectionKindOf(s) !== 'field')
}

/**
 * The issue body's sections ("3 things that might take us down", and any a lead adds or an
 * imported issue had), editable: rename, remove (with its items, undoable) and add a list. The
 * team comments' sections are edited in the Sections dialog; these are the issue's alone.
 */
export function GlobalSectionsDialog({ title, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const sprint = useSprint()
  const toast = useToast()
  const sections = useGlobalSections()
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [heading, setHeading] = useState('')
  const [isNumbered, setNumbered] = useState(false)
  const lastKey = sections.at(-1)?.key ?? ''
  const [after, setAfter] = useState(lastKey)
  const afterKey = after === '' || sections.some((s) => s.key === after) ? after : lastKey

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  /** Runs one change as one undo step; a refused change is shown, nothing is written. */
  const run = (change: () => void, done: string): boolean => {
    try {
      sprint.checkpoint()
      change()
      sprint.checkpoint()
      setError('')
      setStatus(done)
      return true
    } catch (e) {
      if (!(e instanceof TemplateEditError)) throw e
      setError(e.message)
      return false
    }
  }

  const rename = (s: TemplateSection, next: string): void => {
    if (next.trim() === s.heading) return
    const to = next.trim()
    run(
      () => renameGlobalSection(sprint.doc, { key: s.key, heading: to }),
      `Renamed “${sectionTitle(s)}” to “${to}”`,
    )
  }

  const remove = (s: TemplateSection): void => {
    const name = sectionTitle(s)
    if (!run(() => removeGlobalSection(sprint.doc, { key: s.key }), `Removed “${name}”`)) return
    toast.show({
      message: `Removed “${name}” and what it held.`,
      action: undoLastStepAction(sprint, toast),
    })
  }

  const add = (e: FormEvent): void => {
    e.preventDefault()
    let key = ''
    const listStyle = isNumbered ? 'ordered' : 'bullet'
    const ok = run(() => {
      key = addGlobalSection(sprint.doc, { heading, listStyle, after: afterKey })
    }, `Added “${heading.trim()}”`)
    if (ok) {
      setHeading('')
      setAfter(key)
    }
  }

  const onHeadingKey = (e: KeyboardEvent<HTMLInputElement>, s: TemplateSection): void => {
    if (e.key === 'Enter') {
      e.preventDefault()
      rename(s, e.currentTarget.value)
    } else if (e.key === 'Escape' && e.currentTarget.value !== s.heading) {
      // Escape first undoes the typing, then (pressed again) closes the dialog.
      e.preventDefault()
      e.currentTarget.value = s.heading
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog sections-dialog"
      aria-labelledby={`${id}-h`}
      aria-describedby={`${id}-d`}
      onClose={onClose}
    >
      <h2 id={`${id}-h`}>Sections of “{title}”</h2>
      <p id={`${id}-d`} className="dialog-intro">
        The sections of the sprint issue’s own body, above the team comments, in this order.
        Removing one removes what it holds (Undo brings it back).
      </p>
      <ol className="section-rows" aria-label="Issue sections">
        {sections.map((s, i) => (
          <li key={s.key} className="section-row" data-section-key={s.key}>
            <span className="section-md" aria-hidden="true">
              {s.level === 0 ? 'text' : '#'.repeat(s.level)}
            </span>
            <input
              key={s.heading}
              className="section-heading-input"
              aria-label={`Heading of issue section ${i + 1}`}
              defaultValue={s.heading}
              placeholder={sectionTitle(s)}
              onBlur={(e) => rename(s, e.currentTarget.value)}
              onKeyDown={(e) => onHeadingKey(e, s)}
            />
            <span className="section-kind">{describeSection(s)}</span>
            <button
              type="button"
              className="danger"
              aria-label={`Remove “${sectionTitle(s)}”`}
              onClick={() => remove(s)}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <form className="add-section" aria-labelledby={`${id}-add`} onSubmit={add}>
        <h3 id={`${id}-add`}>Add a section</h3>
        <div className="form-grid">
          <label htmlFor={`${id}-name`}>Heading</label>
          <input
            id={`${id}-name`}
            required
            placeholder="e.g. Incidents"
            value={heading}
            onChange={(e) => setHeading(e.target.value)}
          />
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={isNumbered ? 'numbered' : 'list'}
            onChange={(e) => setNumbered(e.target.value === 'numbered')}
          >
            <option value="list">List</option>
            <option value="numbered">Numbered list</option>
          </select>
          <label htmlFor={`${id}-after`}>Place</label>
          <select id={`${id}-after`} value={afterKey} onChange={(e) => setAfter(e.target.value)}>
            <option value="">First</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                After “{sectionTitle(s)}”
              </option>
            ))}
          </select>
        </div>
        <div className="dialog-actions">
          <button type="submit">Add section</button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => ref.current?.close()}>
          Done
        </button>
      </div>
    </dialog>
  )
}
