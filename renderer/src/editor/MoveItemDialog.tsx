import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { GLOBAL_TEAM, getItemText, readSprint } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { dropItem } from './drag'
import { focusItem } from './focus'
import { announce } from './announce'
import { sectionTitle } from './section-title'

interface Props {
  itemId: string
  onClose: () => void
}

/** A list section an item can go to. */
interface Target {
  teamId: string
  teamName: string
  section: string
  title: string
}

const SHOWN_CHARS = 60

/**
 * "Move to…": moves an item (with its nested items) to the end of any list section of any team,
 * with the model's move, so someone typing in it loses nothing. The keyboard's way to do what
 * dragging an item onto another team does. The focus goes back to the item either way.
 */
export function MoveItemDialog({ itemId, onClose }: Props) {
  const sprint = useSprint()
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  // A snapshot when the dialog opens: it is modal and short-lived.
  const { targets, current, text } = useMemo(() => {
    const view = readSprint(sprint.doc)
    const place = sprint.structure.place(itemId)
    const list: Target[] = []
    const add = (teamId: string, teamName: string, sections: typeof view.globalSections): void => {
      for (const s of sections) {
        if (s.kind !== 'list') continue
        list.push({ teamId, teamName, section: s.key, title: sectionTitle(s.definition) })
      }
    }
    add(GLOBAL_TEAM, view.template.issue?.title ?? 'Global', view.globalSections)
    for (const t of view.teams) add(t.id, t.name.trim() || 'Unnamed team', t.sections)
    const at = list.findIndex(
      (t) => t.teamId === place?.effectiveTeam && t.section === place.effectiveSection,
    )
    return { targets: list, current: at, text: getItemText(sprint.doc, itemId)?.toString() ?? '' }
  }, [sprint, itemId])
  // Nothing chosen yet (-1) when the item's own section is not a list we know.
  const [choice, setChoice] = useState(current)
  const [error, setError] = useState('')

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const groups = useMemo(() => {
    const byTeam = new Map<string, { name: string; options: { t: Target; i: number }[] }>()
    targets.forEach((t, i) => {
      const g = byTeam.get(t.teamId) ?? { name: t.teamName, options: [] }
      g.options.push({ t, i })
      byTeam.set(t.teamId, g)
    })
    return [...byTeam.entries()]
  }, [targets])

  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text
  const move = (): void => {
    const t = targets[choice]
    if (!t || choice === current) return
    // Someone may have removed that team or section since the dialog opened.
    const view = readSprint(sprint.doc)
    const sections =
      t.teamId === GLOBAL_TEAM
        ? view.globalSections
        : view.teams.find((x) => x.id === t.teamId)?.sections
    if (!sections?.some((s) => s.key === t.section && s.kind === 'list')) {
      setError(`${t.teamName} › ${t.title} is gone (removed meanwhile). Choose another place.`)
      return
    }
    if (dropItem(sprint, itemId, { kind: 'section', teamId: t.teamId, section: t.section })) {
      announce(`Moved to ${t.title} of ${t.teamName}`)
    }
    ref.current?.close()
  }

  return (
    <dialog
      ref={ref}
      className="dialog move-dialog"
      aria-labelledby={`${id}-title`}
      onClose={() => {
        onClose()
        focusItem(itemId)
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          move()
        }}
      >
        <h2 id={`${id}-title`}>Move {shown ? `“${shown}”` : 'the item'}</h2>
        <div className="field-row">
          <label htmlFor={`${id}-to`} className="field-label">
            To
          </label>
          <select
            id={`${id}-to`}
            className="field-input"
            value={choice}
            autoFocus
            onChange={(e) => {
              setChoice(Number(e.target.value))
              setError('')
            }}
          >
            {choice < 0 && <option value={-1}>Choose a section…</option>}
            {groups.map(([teamId, g]) => (
              <optgroup key={teamId} label={g.name}>
                {g.options.map(({ t, i }) => (
                  <option key={i} value={i}>
                    {/* The team too: a closed select shows the option, not its group. */}
                    {`${t.teamName} › ${t.title}${i === current ? ' (where it is)' : ''}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <p className="dialog-hint">
          It goes to the end of that list, with its nested items, status and owners.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={choice === current || choice < 0}>
            Move
          </button>
        </div>
      </form>
    </dialog>
  )
}
