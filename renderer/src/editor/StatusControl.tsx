import type { ListRole } from '../../../shared/template'
import { setItemStatus, setItemTask, statusesFor, type ItemStatus } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { STATUS_LABELS } from './status-labels'
import { itemTextDomId } from './focus'

interface Props {
  itemId: string
  role: ListRole
  status: ItemStatus
  isTask: boolean
}

/** The status control of an item, with the choices of its section's role. */
export function StatusControl({ itemId, role, status, isTask }: Props) {
  const sprint = useSprint()
  const { doc } = sprint
  if (role === 'hangover') {
    return (
      <span className={`status-badge status-${status}`} title={STATUS_LABELS[status].label}>
        {STATUS_LABELS[status].glyph}
        <span className="visually-hidden">{STATUS_LABELS[status].label}</span>
      </span>
    )
  }
  if (role === 'plain') {
    return (
      <input
        type="checkbox"
        tabIndex={-1}
        className="status-check"
        aria-label="Done"
        aria-describedby={itemTextDomId(itemId)}
        checked={status === 'checked'}
        onChange={(e) => {
          sprint.checkpoint()
          // Ticking an item makes it a task (`- [x]` in the comment) from then on.
          if (!isTask) setItemTask(doc, { itemId, isTask: true })
          setItemStatus(doc, { itemId, status: e.target.checked ? 'checked' : 'unchecked' })
        }}
      />
    )
  }
  // The native select stays (keyboard, screen readers); only its glyph is visible.
  return (
    <span className={`status-wrap status-${status}`} title={STATUS_LABELS[status].label}>
      <span className="status-glyph" aria-hidden="true">
        {STATUS_LABELS[status].glyph}
      </span>
      <select
        tabIndex={-1}
        className="status-select"
        aria-label="Status"
        aria-describedby={itemTextDomId(itemId)}
        value={status}
        onChange={(e) => {
          sprint.checkpoint()
          setItemStatus(doc, { itemId, status: e.target.value as ItemStatus })
        }}
      >
        {statusesFor(role).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s].glyph} {STATUS_LABELS[s].label}
          </option>
        ))}
      </select>
    </span>
  )
}
