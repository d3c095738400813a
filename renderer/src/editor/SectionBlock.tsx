import { useState, type DragEvent } from 'react'
import { addItem } from '../../../shared/doc'
import { listRoleOf, sectionKindOf, type TemplateSection } from '../../../shared/template'
import { useSprint } from './sprint-context'
import { useChildIds, useListStyle } from './useDoc'
import { ItemList } from './ItemList'
import { focusItem, sectionHeadingDomId } from './focus'
import { ITEM_MIME, dropItem } from './drag'
import { SectionNotes } from './SectionNotes'
import { useHasNotes, useNotesText } from './useSectionNotes'
import { sectionTitle } from './section-title'

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
  const style = useListStyle(teamId, def.key, def.listStyle === 'ordered')
  const role = listRoleOf(def)
  const [isDropTarget, setDropTarget] = useState(false)
  const notes = useNotesText(teamId, def.key)
  const hasNotes = useHasNotes(notes)
  const [isNoteOpen, setNoteOpen] = useState(false)
  const headingId = sectionHeadingDomId(teamId, def.key)
  const title = sectionTitle(def)
  const where = `${title}${teamName ? ` (${teamName})` : ''}`
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
      data-section-key={def.key}
      data-section-kind={sectionKindOf(def)}
      data-section-title={title}
      onDragOver={onDragOver}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <header className="section-header">
        <h3
          id={headingId}
          className={`section-heading level-${def.level}${def.heading.trim() ? '' : ' is-untitled'}`}
        >
          {teamName && <span className="visually-hidden">{teamName}: </span>}
          {title}
        </h3>
        {ROLE_HINT[role] && <span className="section-hint">{ROLE_HINT[role]}</span>}
        <span className="section-count" aria-hidden="true">
          {ids.length || ''}
        </span>
      </header>
      {(hasNotes || isNoteOpen) && (
        <SectionNotes
          teamId={teamId}
          section={def.key}
          notes={notes}
          label={`Notes: ${where}`}
          autoFocus={isNoteOpen && !hasNotes}
          onBlurEmpty={() => setNoteOpen(false)}
        />
      )}
      {ids.length > 0 && (
        <ItemList ids={ids} teamId={teamId} section={def.key} role={role} depth={0} style={style} />
      )}
      <div className="section-footer">
        <button
          type="button"
          className="add-item"
          aria-label={`Add item to ${where}`}
          onClick={add}
        >
          + Add item
        </button>
        {!hasNotes && !isNoteOpen && (
          <button
            type="button"
            className="add-item"
            aria-label={`Add note to ${where}`}
            onClick={() => setNoteOpen(true)}
          >
            + Add note
          </button>
        )}
      </div>
    </section>
  )
}
