import { useId } from 'react'
import { setSprintMeta } from '../../../shared/doc'
import { useStore } from '../store/useY'
import { useSprint } from './sprint-context'
import { useMeta } from './useDoc'
import type { ReactNode } from 'react'
import { onToolbarKeyDown } from '../app/toolbar-keys'
import { shortcutText } from '../app/keys'

interface Props {
  storage: string
  /** The slot for share / join / presence controls (the sync part of the renderer). */
  headerExtras?: ReactNode
  isExportOpen: boolean
  onToggleExport: () => void
  isPresenting: boolean
  onTogglePresenting: () => void
  onShowShortcuts: () => void
  onEditSections: () => void
  /** Opens "Import comment…" (also while presenting, when the export panel is closed). */
  onImport: () => void
  onShowHistory: () => void
  onShowOverview: () => void
  isMeetingOpen: boolean
  onToggleMeeting: () => void
}

const SAVE_TEXT = {
  loading: 'Loading…',
  saving: 'Saving…',
  saved: 'Saved on this device',
  error: 'Not saved: storage error',
} as const

/** Title, dates, save indicator, and the sprint's toolbar. */
export function SprintHeader(props: Props) {
  const sprint = useSprint()
  const meta = useMeta()
  const save = useStore(sprint.saveStore)
  const startId = useId()
  const endId = useId()
  return (
    <header className="sprint-header">
      <a className="back-link" href="#/" aria-label="All sprints">
        ‹ Sprints
      </a>
      <div className="sprint-title-block">
        <input
          className="sprint-title"
          aria-label="Sprint title"
          value={meta.title}
          onChange={(e) => setSprintMeta(sprint.doc, { title: e.target.value })}
        />
        <div className="sprint-dates">
          <label htmlFor={startId}>From</label>
          <input
            id={startId}
            type="date"
            value={meta.startDate}
            onChange={(e) =>
              e.target.value && setSprintMeta(sprint.doc, { startDate: e.target.value })
            }
          />
          <label htmlFor={endId}>to</label>
          <input
            id={endId}
            type="date"
            value={meta.endDate}
            onChange={(e) =>
              e.target.value && setSprintMeta(sprint.doc, { endDate: e.target.value })
            }
          />
        </div>
      </div>
      <div className="header-status">
        <span className={`save-state save-${save}`} role="status" aria-label="Save state">
          <span className="dot" aria-hidden="true" />
          {SAVE_TEXT[save]}
        </span>
        <span className="storage-state" title="Whether the browser keeps this data for good">
          {props.storage}
        </span>
      </div>
      <div className="header-extras" data-slot="header-extras">
        {props.headerExtras}
      </div>
      <div className="toolbar" role="toolbar" aria-label="Sprint" onKeyDown={onToolbarKeyDown}>
        <button
          type="button"
          aria-label="Undo"
          title={`Undo (${shortcutText('Mod+Z')})`}
          onClick={() => sprint.undo.undo()}
        >
          ↶
        </button>
        <button
          type="button"
          aria-label="Redo"
          title={`Redo (${shortcutText('Mod+Shift+Z')})`}
          onClick={() => sprint.undo.redo()}
        >
          ↷
        </button>
        <button
          type="button"
          aria-haspopup="dialog"
          title="Rename, reorder, add or remove the sections every team fills in"
          onClick={props.onEditSections}
        >
          Sections
        </button>
        <button
          type="button"
          aria-haspopup="dialog"
          title="Checkpoints: what changed, who changed it; restore a team or the sprint"
          onClick={props.onShowHistory}
        >
          History
        </button>
        <button
          type="button"
          title="Charts of this sprint and the sprints before it"
          onClick={props.onShowOverview}
        >
          Overview
        </button>
        <button
          type="button"
          className="meeting-button"
          aria-pressed={props.isMeetingOpen}
          aria-controls="meeting-column"
          title={`Agenda, timer per team and plan check (${shortcutText('Mod+Shift+K')})`}
          onClick={props.onToggleMeeting}
        >
          Meeting
        </button>
        <button
          type="button"
          aria-pressed={props.isPresenting}
          title={`Larger text for projecting (${shortcutText('Mod+Shift+P')}; Esc leaves)`}
          onClick={props.onTogglePresenting}
        >
          Present
        </button>
        <button
          type="button"
          aria-pressed={props.isExportOpen}
          aria-controls="export-panel"
          title={`Export and import (${shortcutText('Mod+E')})`}
          onClick={props.onToggleExport}
        >
          Export
        </button>
        <button
          type="button"
          aria-haspopup="dialog"
          title="Import a team’s GitHub comment into this sprint"
          onClick={props.onImport}
        >
          Import…
        </button>
        <button
          type="button"
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          title="Keyboard shortcuts (?)"
          onClick={props.onShowShortcuts}
        >
          ?
        </button>
      </div>
    </header>
  )
}
