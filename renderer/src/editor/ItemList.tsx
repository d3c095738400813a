import type { ListRole } from '../../../shared/template'
import { ItemRow } from './ItemRow'

interface Props {
  ids: readonly string[]
  teamId: string
  section: string
  role: ListRole
  depth: number
  ordered: boolean
}

/** A list of items (a section's top level, or an item's children). */
export function ItemList({ ids, teamId, section, role, depth, ordered }: Props) {
  const rows = ids.map((id) => (
    <ItemRow key={id} itemId={id} teamId={teamId} section={section} role={role} depth={depth} />
  ))
  return ordered ? (
    <ol className={`items depth-${Math.min(depth, 4)}`}>{rows}</ol>
  ) : (
    <ul className={`items depth-${Math.min(depth, 4)}`}>{rows}</ul>
  )
}
