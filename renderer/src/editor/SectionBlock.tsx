import { useState, type DragEvent } from 'react'
import { addItem } from '../../../shared/doc'
import { listRoleOf, type TemplateSection } from '../../../shared/template'
import { useSprint } from './sprint-context'
import { useChildIds } from './useDoc'
import { ItemList } from './ItemList'
import { focusItem } from './focus'
import { ITEM_MIME, dropItem } from './drag'

interface Props {
  teamId: string
  teamName: string
  def: TemplateSection
}

const ROLE_HINT: Record<string, string> = {
  retro: 'Mark each of last sprint’s items',
  hangover: 'Re-prioritise or deprioritise each item',
  okr: 'Status red / yellow / green; action points when yellow or red',
  plain: '',
}

/** A list section of a team (or of the issue): heading, items, and "add item". */
export function SectionBlock({ teamId, teamName, def }: Props) {
  const sprint = useSprint()
  const ids = useChildIds(teamId, def.key, '')
  const role = listRoleOf(def)
  const [isDropTarget, setDropTarget] = useState(false)
  const headingId = `h-${teamId || 'global'}-${def.key}`
  const add = (): void => {
    sprint.checkpoint()
    focusItem(addItem(sprint.doc, { teamId, section: def.key }))
  }

  const onDragOver = (e: DragEvent<HTMLElement>): void => {
    if (!e.dataTransfer.types.includes(ITEM_MIME)) return
    e.preventDefault()
    setDropTarget(true)
  }
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    setDropTarget(false)
    const dragged = e.dataTransfer.getData(ITEM_MIME)
    if (!dragged) return
    e.preventDefault()
    if (dropItem(sprint, dragged, { kind: 'section', teamId, section: def.key })) focusItem(dragged)
  }

  return (
    <section
      className={`section section-${role}${isDropTarget ? ' is-drop-target' : ''}`}
      aria-labelledby={headingId}
      onDragOver={onDragOver}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <header className="section-header">
        <h3 id={headingId} className={`section-heading level-${def.level}`}>
          {teamName && <span className="visually-hidden">{teamName}: </span>}
          {def.heading}
        </h3>
        {ROLE_HINT[role] && <span className="section-hint">{ROLE_HINT[role]}</span>}
        <span className="section-count" aria-hidden="true">
          {ids.length || ''}
        </span>
      </header>
      {ids.length > 0 && (
        <ItemList
          ids={ids}
          teamId={teamId}
          section={def.key}
          role={role}
          depth={0}
          ordered={def.listStyle === 'ordered'}
        />
      )}
      <button
        type="button"
        className="add-item"
        aria-label={`Add item to ${def.heading}${teamName ? ` (${teamName})` : ''}`}
        onClick={add}
      >
        + Add item
      </button>
    </section>
  )
}
