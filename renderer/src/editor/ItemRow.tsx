import { memo, useState, type DragEvent } from 'react'
import { GLOBAL_TEAM, addItem, removeItem, statusForRole } from '../../../shared/doc'
import { deprioritiseItem, reprioritiseItem, undecideItem } from '../../../shared/doc/next-sprint'
import type { ListRole } from '../../../shared/template'
import { countRender } from '../app/render-count'
import { useSprint } from './sprint-context'
import { useChildIds, useItemFields } from './useDoc'
import { ItemText } from './ItemText'
import { Items } from './Items'
import { StatusControl } from './StatusControl'
import { OwnerChips } from './OwnerChips'
import { handleItemKey } from './item-keys'
import { onItemLineKeyDown } from './row-keys'
import { focusItem, itemTextDomId, neighbourItem, sectionHeadingDomId } from './focus'
import { ITEM_MIME, dropItem } from './drag'
import { requestMoveDialog } from './move-request'
import { itemNoun } from './status-labels'
import { useExtensions } from '../app/extensions'
import { shortcutText } from '../app/keys'

interface Props {
  itemId: string
  teamId: string
  section: string
  role: ListRole
  depth: number
}

/** One item: status, text, owners, actions, and its nested items. */
export const ItemRow = memo(function ItemRow({ itemId, teamId, section, role, depth }: Props) {
  countRender('ItemRow')
  const sprint = useSprint()
  const { doc } = sprint
  const extensions = useExtensions()
  const fields = useItemFields(itemId)
  const childIds = useChildIds(teamId, section, itemId)
  const status = statusForRole(role, fields.status)
  const [dropEdge, setDropEdge] = useState<'before' | 'after' | undefined>()
  if (fields.isMissing) return null
  const isNested = depth > 0
  const label = isNested && role === 'okr' ? 'Action point' : itemNoun(role)

  const onDragOver = (e: DragEvent<HTMLLIElement>): void => {
    if (!e.dataTransfer.types.includes(ITEM_MIME)) return
    e.preventDefault()
    e.stopPropagation()
    const box = e.currentTarget.getBoundingClientRect()
    setDropEdge(e.clientY < box.top + Math.min(box.height, 40) / 2 ? 'before' : 'after')
  }
  const onDrop = (e: DragEvent<HTMLLIElement>): void => {
    const dragged = e.dataTransfer.getData(ITEM_MIME)
    setDropEdge(undefined)
    if (!dragged) return
    e.preventDefault()
    e.stopPropagation()
    if (dropItem(sprint, dragged, { kind: 'item', itemId, isAfter: dropEdge !== 'before' })) {
      focusItem(dragged)
    }
  }
  const needsAction = role === 'okr' && !isNested && (status === 'yellow' || status === 'red')

  return (
    <li
      className={`item item-${role} status-${status}${dropEdge ? ` drop-${dropEdge}` : ''}`}
      data-item-row={itemId}
      onDragOver={onDragOver}
      onDragLeave={() => setDropEdge(undefined)}
      onDrop={onDrop}
    >
      <div className="item-line" onKeyDown={onItemLineKeyDown}>
        <span
          className="drag-handle"
          draggable
          aria-hidden="true"
          title={`Drag to move, or click: Move to… (${shortcutText('Mod+Shift+M')}; ${shortcutText('Alt')}+↑/↓ in the list)`}
          onClick={() => requestMoveDialog(itemId)}
          onDragStart={(e) => {
            e.dataTransfer.setData(ITEM_MIME, itemId)
            e.dataTransfer.effectAllowed = 'move'
          }}
        >
          ⠿
        </span>
        {(!isNested || role === 'plain') && teamId !== GLOBAL_TEAM && (
          <StatusControl itemId={itemId} role={role} status={status} isTask={fields.isTask} />
        )}
        <ItemText
          itemId={itemId}
          label={label}
          describedBy={sectionHeadingDomId(teamId, section)}
          placeholder={isNested && role === 'okr' ? 'Action point…' : 'Type an item…'}
          onKeyDown={(e) => {
            if (
              handleItemKey(e, sprint, {
                id: itemId,
                role,
                status,
                hasChildren: childIds.length > 0,
              })
            ) {
              e.preventDefault()
            }
          }}
        />
        <OwnerChips itemId={itemId} owners={fields.owners} />
        {extensions.itemExtras?.(sprint, itemId)}
        {role === 'hangover' && !isNested && (
          <span
            className="hangover-actions"
            role="group"
            aria-label="Decision"
            aria-describedby={itemTextDomId(itemId)}
          >
            <button
              type="button"
              tabIndex={-1}
              className={`chip-button${status === 'reprioritised' ? ' is-active' : ''}`}
              aria-pressed={status === 'reprioritised'}
              title={status === 'reprioritised' ? 'Take the decision back' : undefined}
              onClick={() => {
                sprint.checkpoint()
                if (status === 'reprioritised') return undecideItem(doc, { itemId })
                const id = reprioritiseItem(doc, { itemId })
                if (id) focusItem(id)
              }}
            >
              Re-prioritise
            </button>
            <button
              type="button"
              tabIndex={-1}
              className={`chip-button${status === 'deprioritised' ? ' is-active' : ''}`}
              aria-pressed={status === 'deprioritised'}
              title={status === 'deprioritised' ? 'Take the decision back' : undefined}
              onClick={() => {
                sprint.checkpoint()
                if (status === 'deprioritised') undecideItem(doc, { itemId })
                else deprioritiseItem(doc, { itemId })
              }}
            >
              Deprioritise
            </button>
          </span>
        )}
        <button
          type="button"
          tabIndex={-1}
          className="icon-button item-remove"
          aria-label={`Remove ${label.toLowerCase()}`}
          aria-describedby={itemTextDomId(itemId)}
          title="Remove (Backspace on an empty item)"
          onClick={(e) => {
            // Focus goes to the item before (or after) in this section, else to its "Add item".
            const row = e.currentTarget.closest('li')
            const text = row?.querySelector<HTMLTextAreaElement>('textarea[data-item-id]')
            const after = row?.querySelectorAll('textarea[data-item-id]') ?? []
            const last = after[after.length - 1] as HTMLTextAreaElement | undefined
            // Its nested items go with it: the next item is the one after the last of them.
            const next = text && (neighbourItem(text, -1) ?? (last && neighbourItem(last, 1)))
            const section = e.currentTarget.closest('section')
            sprint.checkpoint()
            removeItem(doc, { itemId })
            if (next?.dataset.itemId && section?.contains(next)) focusItem(next.dataset.itemId)
            else section?.querySelector<HTMLElement>('.add-item')?.focus()
          }}
        >
          ×
        </button>
      </div>
      {needsAction && childIds.length === 0 && (
        <button
          type="button"
          className="prompt-button"
          onClick={() => {
            sprint.checkpoint()
            focusItem(addItem(doc, { teamId, section, parent: itemId, text: 'action: ' }))
          }}
        >
          + Add an action point ({status === 'red' ? 'red' : 'yellow'} needs one)
        </button>
      )}
      {childIds.length > 0 && (
        <Items depth={depth + 1} style={fields.list}>
          {childIds.map((id) => (
            <ItemRow
              key={id}
              itemId={id}
              teamId={teamId}
              section={section}
              role={role}
              depth={depth + 1}
            />
          ))}
        </Items>
      )}
    </li>
  )
})
