import { useRef, useState } from 'react'
import type { SprintEntry } from '../store/registry'
import { dateRangeLabel } from '../app/dates'
import { routeHref } from '../app/route'

interface Props {
  entry: SprintEntry
  onOpen: () => void
  onNext: () => void
  /** Settles when the stored sprint has the new title (or the rename failed). */
  onRename: (title: string) => Promise<unknown>
  onDuplicate: () => void
  onDelete: () => void
}

function ago(ms: number): string {
  const s = Math.max(0, (Date.now() - ms) / 1000)
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  return new Date(ms).toLocaleDateString()
}

/** One sprint in the list, with its actions. */
export function SprintRow({ entry, onNext, onRename, onDuplicate, onDelete }: Props) {
  const [isRenaming, setRenaming] = useState(false)
  // The new title shows at once; the stored sprint (and so the entry) follows a moment later.
  const [pendingTitle, setPendingTitle] = useState<string | null>(null)
  const title = pendingTitle ?? entry.title
  const renameButton = useRef<HTMLButtonElement>(null)
  // Enter or Escape ends renaming with the focus back on Rename (a click elsewhere keeps its own).
  const finishRenaming = (): void => {
    setRenaming(false)
    requestAnimationFrame(() => renameButton.current?.focus())
  }
  return (
    <li
      className="sprint-row"
      data-sprint-id={entry.id}
      aria-busy={pendingTitle !== null || undefined}
    >
      <div className="sprint-row-main">
        {isRenaming ? (
          <input
            className="rename-input"
            aria-label="New title"
            defaultValue={title}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                const v = e.currentTarget.value.trim()
                if (v && v !== title) {
                  setPendingTitle(v)
                  void onRename(v).finally(() => setPendingTitle((p) => (p === v ? null : p)))
                }
                finishRenaming()
              } else if (e.key === 'Escape') finishRenaming()
            }}
            onBlur={() => setRenaming(false)}
          />
        ) : (
          <a className="sprint-link" href={routeHref({ screen: 'sprint', sprintId: entry.id })}>
            {title || 'Untitled sprint'}
          </a>
        )}
        <span className="sprint-meta">
          <span>{dateRangeLabel(entry.startDate, entry.endDate)}</span>
          <span aria-hidden="true">·</span>
          <span>
            {entry.teamCount} {entry.teamCount === 1 ? 'team' : 'teams'}
          </span>
          <span aria-hidden="true">·</span>
          <span>edited {ago(entry.updatedAt)}</span>
        </span>
      </div>
      <div className="row-actions" role="group" aria-label={`${title} actions`}>
        <button type="button" onClick={onNext}>
          Start next sprint
        </button>
        <button type="button" ref={renameButton} onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  )
}
