import { Fragment, memo, useId, useState, type DragEvent } from 'react'
import {
  addOffDuringField,
  moveTeam,
  removeTeam,
  renameTeam,
  setMembers,
  setOffDuring,
} from '../../../shared/doc'
import { sectionKindOf, type TemplateSection } from '../../../shared/template'
import { countRender } from '../app/render-count'
import { useSprint } from './sprint-context'
import { useDuplicateNamedTeams, useTeam, useTeamSections } from './useDoc'
import { SectionBlock } from './SectionBlock'
import { HeroField } from './HeroField'
import { FieldNotes } from './FieldNotes'
import { undoLastStepAction } from './undo-toast'
import { useToast } from '../app/toast'
import { useExtensions } from '../app/extensions'
import { onToolbarKeyDown } from '../app/toolbar-keys'
import { announce } from './announce'
import { addTeamButton, teamNameField } from './focus'
import { SpeakingMark } from '../meeting/SpeakingMark'

/** The drag payload type of a team (its id). */
export const TEAM_MIME = 'application/x-sprintpad-team'

interface Props {
  teamId: string
  index: number
  count: number
}

/** One team's panel: name, members, and every section of the sprint's template. */
export const TeamPanel = memo(function TeamPanel({ teamId, index, count }: Props) {
  countRender('TeamPanel')
  const sprint = useSprint()
  const { doc } = sprint
  const team = useTeam(teamId)
  const sections = useTeamSections(teamId)
  const toast = useToast()
  const extensions = useExtensions()
  const nameId = useId()
  const membersId = useId()
  const name = team.name || 'Unnamed team'
  const [isDropTarget, setDropTarget] = useState(false)
  const isDuplicate = useDuplicateNamedTeams().includes(teamId)

  // Another team dragged here takes this team's place (before it when coming from below).
  const onDragOver = (e: DragEvent<HTMLElement>): void => {
    if (!e.dataTransfer.types.includes(TEAM_MIME)) return
    e.preventDefault()
    e.dataTransfer.dropEffect = 'move'
    setDropTarget(true)
  }
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    setDropTarget(false)
    const dragged = e.dataTransfer.getData(TEAM_MIME)
    if (!dragged) return
    e.preventDefault()
    if (dragged === teamId) return
    sprint.checkpoint()
    moveTeam(doc, { teamId: dragged, index })
    announce(`Moved to position ${index + 1} of ${count}`)
  }

  const hasOffDuring = sections.some((s) => s.field === 'offDuring')
  const field = (def: TemplateSection) =>
    def.field === 'offDuring' ? (
      <div className="field-row" key={def.key}>
        <label className="field-label" htmlFor={`${nameId}-off`}>
          {def.heading.replace(/:$/, '')}
        </label>
        <input
          id={`${nameId}-off`}
          className="field-input"
          value={team.offDuring}
          onChange={(e) => setOffDuring(doc, { teamId, text: e.target.value })}
        />
      </div>
    ) : (
      <Fragment key={def.key}>
        <HeroField teamId={teamId} heroes={team.heroes} suggestion={team.heroSuggestion} />
        {!hasOffDuring && (
          <button
            type="button"
            className="add-item add-field"
            onClick={() => {
              sprint.checkpoint()
              addOffDuringField(doc, { teamId })
            }}
          >
            + Off during the sprint
          </button>
        )}
      </Fragment>
    )

  return (
    <article
      className={`team-panel${isDropTarget ? ' team-drop' : ''}`}
      aria-label={`Team ${name}`}
      data-team-id={teamId}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropTarget(false)
      }}
      onDrop={onDrop}
    >
      <header className="team-header">
        <h2 className="team-title">
          <span className="team-prefix" aria-hidden="true">
            Team
          </span>
          <input
            id={nameId}
            className="team-name"
            aria-label="Team name"
            aria-invalid={isDuplicate || undefined}
            aria-describedby={isDuplicate ? `${nameId}-duplicate` : undefined}
            value={team.name}
            placeholder="Team name"
            onChange={(e) => renameTeam(doc, { teamId, name: e.target.value })}
          />
        </h2>
      </header>
      {isDuplicate && (
        <p className="team-warning" id={`${nameId}-duplicate`}>
          Another team is also named “{team.name.trim()}”: the export lists both, and a comment
          imported by name goes to one of them. Rename one.
        </p>
      )}
      <SpeakingMark teamId={teamId} name={name} />
      {extensions.teamExtras?.(sprint, teamId)}
      <div className="field-row">
        <label className="field-label" htmlFor={membersId}>
          Members
        </label>
        <input
          id={membersId}
          className="field-input"
          key={team.members.join(',')}
          defaultValue={team.members.map((m) => `@${m}`).join(' ')}
          placeholder="@handles, in support hero rotation order"
          onBlur={(e) => {
            const members = e.target.value
              .split(/[\s,]+/)
              .map((m) => m.replace(/^@+/, ''))
              .filter(Boolean)
            if (members.join(',') !== team.members.join(',')) setMembers(doc, { teamId, members })
          }}
        />
      </div>
      {sections.map((def) =>
        sectionKindOf(def) === 'field' ? (
          <Fragment key={def.key}>
            {field(def)}
            <FieldNotes teamId={teamId} teamName={name} def={def} />
          </Fragment>
        ) : (
          <SectionBlock key={def.key} teamId={teamId} teamName={name} def={def} />
        ),
      )}
      {/* Last in the tab order (shown at the top right): Tab from the team name goes on to
          Members, never to Remove. */}
      <div
        className="team-actions"
        role="toolbar"
        aria-label={`${name} actions`}
        onKeyDown={onToolbarKeyDown}
      >
        <span
          className="drag-handle team-drag"
          draggable
          aria-hidden="true"
          title="Drag onto another team to reorder (or ↑ / ↓)"
          onDragStart={(e) => {
            e.dataTransfer.setData(TEAM_MIME, teamId)
            e.dataTransfer.effectAllowed = 'move'
          }}
        >
          ⠿
        </span>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => {
            sprint.checkpoint()
            moveTeam(doc, { teamId, index: index - 1 })
          }}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Move ${name} down`}
          disabled={index >= count - 1}
          onClick={() => {
            sprint.checkpoint()
            moveTeam(doc, { teamId, index: index + 1 })
          }}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button danger"
          aria-label={`Remove ${name}`}
          onClick={(e) => {
            // Focus goes to the next team's name (or the one before), else to "Add team".
            const panels = [...document.querySelectorAll<HTMLElement>('article[data-team-id]')]
            const i = panels.findIndex((p) => p.contains(e.currentTarget))
            const near = (panels[i + 1] ?? panels[i - 1])?.dataset.teamId
            sprint.checkpoint()
            removeTeam(doc, { teamId })
            requestAnimationFrame(() => (near ? teamNameField(near) : addTeamButton())?.focus())
            sprint.checkpoint()
            toast.show({
              message: `Removed ${name}`,
              action: undoLastStepAction(sprint, toast),
            })
          }}
        >
          🗑
        </button>
      </div>
    </article>
  )
})
