import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { removeTemplateSection, updateTemplate } from '../../../shared/doc'
import {
  TemplateEditError,
  addSection,
  listRoleOf,
  moveSection,
  newSection,
  renameSection,
  sectionKindOf,
  type NewSectionArgs,
  type TemplateDefinition,
  type TemplateSection,
} from '../../../shared/template'
import { useToast } from '../app/toast'
import { useSprint } from './sprint-context'
import { useTemplate } from './useDoc'

interface Props {
  onClose: () => void
}

/** What a user can add, in words, and the section it makes. */
const NEW_KINDS: readonly { id: string; label: string; args: Omit<NewSectionArgs, 'heading'> }[] = [
  { id: 'tasks', label: 'List (items can be checked)', args: { kind: 'list', level: 3 } },
  {
    id: 'numbered',
    label: 'Numbered list (items can be checked)',
    args: { kind: 'list', level: 3, listStyle: 'ordered' },
  },
  {
    id: 'retro',
    label: 'Retro list (done / partly / not done / dropped)',
    args: { kind: 'list', level: 2, role: 'retro' },
  },
  {
    id: 'hangover',
    label: 'Hang-over list (re-prioritise / deprioritise)',
    args: { kind: 'list', level: 2, role: 'hangover' },
  },
  {
    id: 'okr',
    label: 'OKR list (green / yellow / red)',
    args: { kind: 'list', level: 2, role: 'okr', listStyle: 'ordered' },
  },
  {
    id: 'group',
    label: 'Heading only (groups the sections below it)',
    args: { kind: 'group', level: 2 },
  },
]

const ROLE_WORDS = {
  retro: 'retro list',
  hangover: 'hang-over list',
  okr: 'OKR list',
  plain: 'list',
} as const

/** The section's kind in a few words: "numbered OKR list", "field", "heading only". */
export function describeSection(s: TemplateSection): string {
  const kind = sectionKindOf(s)
  if (kind === 'field') return 'single-line field'
  if (kind === 'group') return 'heading only'
  const words = ROLE_WORDS[listRoleOf(s)]
  return s.listStyle === 'ordered' ? `numbered ${words}` : words
}

/** The heading as Markdown shows it: `### High priority`, `**Support hero:**`. */
function markdownPrefix(s: TemplateSection): string {
  return s.level === 0 ? 'bold line' : '#'.repeat(s.level)
}

/**
 * The sprint's sections (its template), editable: rename, reorder, remove and add sections.
 * Every change applies at once to every team of the sprint, for everyone in it, is undoable with
 * the sprint's undo, and the Markdown export follows it. Items of a removed section are never
 * lost: each team shows them in a section of their own until the section comes back.
 */
export function SectionsDialog({ onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const sprint = useSprint()
  const template = useTemplate()
  const toast = useToast()
  const [status, setStatus] = useState('')
  const [error, setError] = useState('')
  const [heading, setHeading] = useState('')
  const [kindId, setKindId] = useState(NEW_KINDS[0]?.id ?? 'tasks')
  const sections = template.sections
  const lastKey = sections.at(-1)?.key ?? ''
  const [after, setAfter] = useState(lastKey)
  const afterKey = after === '' || sections.some((s) => s.key === after) ? after : lastKey

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  /** Runs one template change as one undo step; a refused change is shown, nothing is written. */
  const run = (change: () => void, done: string): boolean => {
    try {
      sprint.checkpoint()
      change()
      setError('')
      setStatus(done)
      return true
    } catch (e) {
      if (!(e instanceof TemplateEditError)) throw e
      setError(e.message)
      return false
    }
  }

  const apply = (edit: (t: TemplateDefinition) => TemplateDefinition, done: string): boolean =>
    run(() => updateTemplate(sprint.doc, edit), done)

  /** Focuses the first of `selectors` that is enabled in the row of section `key`, after render. */
  const focusRow = (key: string, ...selectors: string[]): void => {
    requestAnimationFrame(() => {
      const row = ref.current?.querySelector(`[data-section-key="${CSS.escape(key)}"]`)
      for (const sel of selectors) {
        const el = row?.querySelector<HTMLElement>(`${sel}:not(:disabled)`)
        if (el) return el.focus()
      }
    })
  }

  const rename = (s: TemplateSection, next: string): void => {
    const text = next.trim()
    if (text === s.heading) return
    if (!text) {
      setError('A section needs a heading. To drop it, use Remove.')
      return
    }
    apply((t) => renameSection(t, s.key, text), `Renamed “${s.heading}” to “${text}”`)
  }

  const move = (s: TemplateSection, by: -1 | 1): void => {
    if (apply((t) => moveSection(t, s.key, by), `Moved “${s.heading}” ${by < 0 ? 'up' : 'down'}`))
      focusRow(s.key, `[data-move="${by < 0 ? 'up' : 'down'}"]`, '[data-move]', 'input')
  }

  const remove = (s: TemplateSection, index: number): void => {
    const before = sections[index - 1]?.key ?? ''
    if (!run(() => removeTemplateSection(sprint.doc, s.key), `Removed “${s.heading}”`)) return
    const next = sections[index + 1] ?? sections[index - 1]
    if (next) focusRow(next.key, 'input')
    toast.show({
      message: `Removed “${s.heading}”. Teams with items in it keep it as a section of their own.`,
      action: {
        label: 'Undo',
        run: () =>
          updateTemplate(sprint.doc, (t) =>
            t.sections.some((x) => x.key === s.key)
              ? t
              : addSection(t, s, t.sections.some((x) => x.key === before) ? before : ''),
          ),
      },
    })
  }

  const add = (e: FormEvent): void => {
    e.preventDefault()
    const kind = NEW_KINDS.find((k) => k.id === kindId) ?? NEW_KINDS[0]
    if (!kind) return
    let key = ''
    const ok = apply((t) => {
      const section = newSection(t, { ...kind.args, heading })
      key = section.key
      return addSection(t, section, afterKey)
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
      <h2 id={`${id}-h`}>Sections of this sprint</h2>
      <p id={`${id}-d`} className="dialog-intro">
        Every team of this sprint has these sections, in this order, and the Markdown export follows
        them. Changes apply at once, for everyone in the sprint, and can be undone.
      </p>
      <ol className="section-rows" aria-label="Sections">
        {sections.map((s, i) => (
          <li key={s.key} className="section-row" data-section-key={s.key}>
            <span className="section-md" aria-hidden="true">
              {markdownPrefix(s)}
            </span>
            <input
              key={s.heading}
              className="section-heading-input"
              aria-label={`Heading of section ${i + 1}`}
              aria-describedby={`${id}-k-${i}`}
              defaultValue={s.heading}
              onBlur={(e) => rename(s, e.currentTarget.value)}
              onKeyDown={(e) => onHeadingKey(e, s)}
            />
            <span id={`${id}-k-${i}`} className="section-kind">
              {describeSection(s)}
            </span>
            <button
              type="button"
              className="icon-button"
              data-move="up"
              aria-label={`Move “${s.heading}” up`}
              disabled={i === 0}
              onClick={() => move(s, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              data-move="down"
              aria-label={`Move “${s.heading}” down`}
              disabled={i === sections.length - 1}
              onClick={() => move(s, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="danger"
              aria-label={`Remove “${s.heading}”`}
              onClick={() => remove(s, i)}
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
            placeholder="e.g. Stretch goals"
            value={heading}
            onChange={(e) => setHeading(e.target.value)}
          />
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kindId} onChange={(e) => setKindId(e.target.value)}>
            {NEW_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-after`}>Place</label>
          <select id={`${id}-after`} value={afterKey} onChange={(e) => setAfter(e.target.value)}>
            <option value="">First</option>
            {sections.map((s) => (
              <option key={s.key} value={s.key}>
                After “{s.heading}”
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
