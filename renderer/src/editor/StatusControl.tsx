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

/**
 * The status control of an item, with the choices of its section's role. Statuses are drawn with
 * CSS (a shape and a colour: `status-shape`), never with an emoji the machine may have no font
 * for; their words are the accessible text. The export keeps the emoji the team wrote.
 */
export function StatusControl({ itemId, role, status, isTask }: Props) {
  if (role === 'hangover') {
    return (
      <span className={`status-badge status-${status}`} title={STATUS_LABELS[status].label}>
        <span aria-hidden="true">{STATUS_LABELS[status].glyph}</span>
        <span className="visually-hidden">{STATUS_LABELS[status].label}</span>
      </span>
    )
  }
  if (role === 'plain') return <TaskBox itemId={itemId} status={status} isTask={isTask} />
  // The native select stays (keyboard, screen readers: "Status, Done"); only its shape shows.
  return <StatusSelect itemId={itemId} role={role} status={status} />
}

/**
 * A plain item's box, shown exactly when the export writes one (`- [ ]` / `- [x]`: a task, or an
 * item ticked done); a plain item (`- text`) offers "Add a checkbox" instead, seen on hover.
 */
function TaskBox({ itemId, status, isTask }: Omit<Props, 'role'>) {
  const sprint = useSprint()
  const { doc } = sprint
  if (!isTask && status !== 'checked') {
    return (
      <button
        type="button"
        tabIndex={-1}
        className="status-add-box"
        aria-label="Add a checkbox"
        aria-describedby={itemTextDomId(itemId)}
        title="Add a checkbox (- [ ] in the comment)"
        onClick={() => {
          sprint.checkpoint()
          setItemTask(doc, { itemId, isTask: true })
        }}
      />
    )
  }
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
        // A box ticked with Ctrl+Enter is a task from then on, as the export writes it.
        if (!isTask) setItemTask(doc, { itemId, isTask: true })
        setItemStatus(doc, { itemId, status: e.target.checked ? 'checked' : 'unchecked' })
      }}
    />
  )
}

function StatusSelect({ itemId, role, status }: Omit<Props, 'isTask'>) {
  const sprint = useSprint()
  return (
    <span className={`status-wrap status-${status}`} title={STATUS_LABELS[status].label}>
      <span className="status-shape" aria-hidden="true" />
      <select
        tabIndex={-1}
        className="status-select"
        aria-label="Status"
        aria-describedby={itemTextDomId(itemId)}
        value={status}
        onChange={(e) => {
          sprint.checkpoint()
          setItemStatus(sprint.doc, { itemId, status: e.target.value as ItemStatus })
        }}
      >
        {statusesFor(role).map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s].label}
          </option>
        ))}
      </select>
    </span>
  )
}
