import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { readSprint, type ItemView, type TeamView } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { focusTeam } from './jump'
import { whenTeamsRendered } from './progressive'

interface Props {
  /** This user's GitHub handle (from sync settings), for "My teams"; empty when unknown. */
  myHandle: string
  onClose: () => void
}

/** A team as the jump list shows it. */
export interface TeamChoice {
  id: string
  name: string
  /** Whether the user is a member, the support hero or owns an item there. */
  isMine: boolean
  items: number
}

/**
 * The teams to jump to, filtered by `query` (words anywhere in the name, any case) and, with
 * `onlyMine`, to the user's own teams. Exported for tests.
 */
export function teamChoices(
  teams: readonly TeamView[],
  handle: string,
  query: string,
  onlyMine: boolean,
): TeamChoice[] {
  const me = handle.toLowerCase()
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return teams
    .map((t) => {
      const items = t.sections.flatMap((s) => flatten(s.items))
      const isMine =
        me !== '' &&
        (t.members.some((m) => m.toLowerCase() === me) ||
          t.heroes.some((h) => h.handle.toLowerCase() === me) ||
          items.some((i) => i.owners.some((o) => o.toLowerCase() === me)))
      return { id: t.id, name: t.name || 'Unnamed team', isMine, items: items.length }
    })
    .filter((t) => (!onlyMine || t.isMine) && words.every((w) => t.name.toLowerCase().includes(w)))
}

function flatten(items: readonly ItemView[]): ItemView[] {
  return items.flatMap((i) => [i, ...flatten(i.children)])
}

/**
 * "Jump to a team" (Ctrl/Cmd+K): type part of a name, ↑ / ↓ to choose, Enter to go there (its
 * first section gets the focus). "My teams" keeps those the user is in.
 */
export function TeamJumpDialog({ myHandle, onClose }: Props) {
  const { doc } = useSprint()
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [onlyMine, setOnlyMine] = useState(false)
  const [active, setActive] = useState(0)
  // Read once when opened: the list does not change under the user's fingers.
  const teams = useMemo(() => readSprint(doc).teams, [doc])
  const choices = teamChoices(teams, myHandle, query, onlyMine)
  const current = choices[Math.min(active, choices.length - 1)]

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const go = (teamId: string): void => {
    ref.current?.close()
    // After the dialog has given the focus back, so it does not take it again.
    requestAnimationFrame(() => whenTeamsRendered(() => focusTeam(teamId)))
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const by = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) =>
        Math.max(0, Math.min(choices.length - 1, Math.min(a, choices.length - 1) + by)),
      )
    } else if (e.key === 'Enter') {
      e.preventDefault()
      if (current) go(current.id)
    }
  }

  return (
    <dialog ref={ref} className="dialog team-jump" aria-labelledby={`${id}-h`} onClose={onClose}>
      <h2 id={`${id}-h`}>Jump to a team</h2>
      <input
        className="team-jump-input"
        role="combobox"
        aria-label="Team name"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-activedescendant={current ? `${id}-${current.id}` : undefined}
        autoFocus
        autoComplete="off"
        placeholder="Type part of a team’s name"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <label className="team-jump-mine">
        <input
          type="checkbox"
          checked={onlyMine}
          disabled={myHandle === ''}
          onChange={(e) => {
            setOnlyMine(e.target.checked)
            setActive(0)
          }}
        />
        My teams{myHandle ? ` (@${myHandle})` : ' (set your GitHub handle in Sync settings)'}
      </label>
      <ul id={`${id}-list`} role="listbox" aria-label="Teams" className="team-jump-list">
        {choices.map((t) => (
          <li
            key={t.id}
            id={`${id}-${t.id}`}
            role="option"
            aria-selected={t === current}
            className={t === current ? 'is-active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(t.id)}
          >
            <span>{t.name}</span>
            <span className="team-jump-count">
              {t.isMine && <span className="team-jump-me">yours · </span>}
              {t.items === 1 ? '1 item' : `${t.items} items`}
            </span>
          </li>
        ))}
        {choices.length === 0 && <li className="team-jump-none">No team matches.</li>}
      </ul>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
