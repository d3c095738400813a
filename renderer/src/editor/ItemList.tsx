import { Fragment, useReducer } from 'react'
import { ITEM, getItemMap, setItemGroup, type ListStyle } from '../../../shared/doc'
import type { ListRole } from '../../../shared/template'
import { ItemRow } from './ItemRow'
import { Items } from './Items'
import { useSprint } from './sprint-context'

interface Props {
  ids: readonly string[]
  teamId: string
  section: string
  role: ListRole
  depth: number
  /** Numbered lists draw their numbers from `style.start` on; bullets draw none. */
  style: ListStyle
}

/**
 * A list of items (a section's top level, or an item's children). Top-level items a comment
 * grouped under a person (`- @sam-o` with items under it) show that person above each run of
 * them, as the export writes it, with a button to ungroup the run.
 */
export function ItemList({ ids, teamId, section, role, depth, style }: Props) {
  const sprint = useSprint()
  // Groups change only on import (which changes the ids too) or by the ungroup button below.
  const [, refresh] = useReducer((n: number) => n + 1, 0)
  const groupOf = (id: string): string => {
    const g = depth === 0 ? getItemMap(sprint.doc, id)?.get(ITEM.group) : undefined
    return typeof g === 'string' ? g : ''
  }
  const groups = ids.map(groupOf)
  const rows = ids.map((id, i) => {
    const group = groups[i] ?? ''
    const startsRun = group !== '' && group !== groups[i - 1]
    return (
      <Fragment key={id}>
        {startsRun && (
          <li className="item-group">
            <span className="visually-hidden">Grouped under </span>
            <span className="item-group-name">{group}</span>
            <button
              type="button"
              className="icon-button item-group-remove"
              aria-label={`Ungroup the items under ${group}`}
              title="Ungroup (the comment lists them without this heading)"
              onClick={() => {
                sprint.checkpoint()
                for (let j = i; j < ids.length && groups[j] === group; j++) {
                  setItemGroup(sprint.doc, { itemId: ids[j] ?? '', group: '' })
                }
                refresh()
              }}
            >
              ×
            </button>
          </li>
        )}
        <ItemRow itemId={id} teamId={teamId} section={section} role={role} depth={depth} />
      </Fragment>
    )
  })
  return (
    <Items depth={depth} style={style}>
      {rows}
    </Items>
  )
}
