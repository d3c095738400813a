import { DiffView } from './DiffView'
import type { PartDiff } from './history-model'

interface Props {
  part: PartDiff
  /** Restores this team as it was at the checkpoint; absent when it cannot be restored alone. */
  onRestore?: () => void
}

/** One team's (or the issue body's) changes: who made them, how many lines, and the diff. */
export function PartDiffView({ part, onRestore }: Props) {
  const what = part.isAdded ? ' (added)' : part.isRemoved ? ' (removed)' : ''
  return (
    <article className="part-diff" aria-label={`Changes in ${part.label}`}>
      <header className="part-diff-head">
        <h4>
          {part.label}
          {what}
        </h4>
        <span className="diff-stat">
          <span className="diff-stat-add">+{part.diff.added}</span>{' '}
          <span className="diff-stat-remove">−{part.diff.removed}</span>
          <span className="visually-hidden">
            {` lines: ${part.diff.added} added, ${part.diff.removed} removed`}
          </span>
        </span>
        <span className="part-authors">
          {part.authors.length === 0
            ? 'Changed by: not recorded (removals only)'
            : part.authors.map((a) => (
                <span key={a.clientId} className="author-chip" title={`${a.changes} characters`}>
                  <span className="author-dot" style={{ background: a.color }} aria-hidden="true" />
                  {a.name}
                </span>
              ))}
        </span>
        {onRestore && (
          <button type="button" onClick={onRestore}>
            Restore {part.label} as it was then
          </button>
        )}
      </header>
      <DiffView diff={part.diff} label={`Diff of ${part.label}`} />
    </article>
  )
}
