import type * as Y from 'yjs'
import { GLOBAL_TEAM, ITEM, getItemMap, itemsMap, teamsMap } from './schema'
import { readRawItem, type RawItem } from './read-items'
import { addItemIn, siblingsOf } from './item-mutations'
import { compareOrdered } from './order'
import { change } from './transact'
import { isKnownStatus } from './status'

/**
 * An item as it was just before someone else removed it, with the team and section of its root
 * ancestor (a nested item's own may be stale), so it can be put back where it was.
 */
export interface ItemSnapshot extends RawItem {
  rootTeam: string
  rootSection: string
}

/**
 * Reads an item's fields and place, in O(depth): cheap enough to take before every remote
 * transaction for the one item being edited. Undefined when the item is not there.
 */
export function snapshotItem(doc: Y.Doc, itemId: string): ItemSnapshot | undefined {
  const map = getItemMap(doc, itemId)
  if (!map) return undefined
  const raw = readRawItem(itemId, map as Y.Map<unknown>, [])
  let root = map
  const seen = new Set([itemId])
  for (let parent = root.get(ITEM.parent); typeof parent === 'string' && parent !== '';) {
    const up = getItemMap(doc, parent)
    if (!up || seen.has(parent)) break
    seen.add(parent)
    root = up
    parent = up.get(ITEM.parent)
  }
  const team = root.get(ITEM.team)
  const section = root.get(ITEM.section)
  return {
    ...raw,
    rootTeam: typeof team === 'string' ? team : raw.team,
    rootSection: typeof section === 'string' ? section : raw.section,
  }
}

/**
 * Puts back an item someone else removed while this user was editing it: its text, owners and
 * status, at its old position among the siblings left, under its parent if that is still there
 * (else first in its section). Its nested items are not put back (they went with it). It gets a
 * new id: a peer's screen bound to the removed item's Y.Text (same id, same row) would otherwise
 * keep writing into the dead one, and two people restoring at once would drop one of the two.
 * Returns the new id; undefined when its team is gone too, or when the item is already back (a
 * colleague's undo). One local transaction (undoable).
 */
export function restoreItem(doc: Y.Doc, snap: ItemSnapshot): string | undefined {
  return change(doc, () => {
    if (itemsMap(doc).has(snap.id)) return undefined
    const hasParent = snap.parent !== '' && itemsMap(doc).has(snap.parent)
    const parent = hasParent ? snap.parent : ''
    if (!hasParent && snap.rootTeam !== GLOBAL_TEAM && !teamsMap(doc).has(snap.rootTeam)) {
      return undefined
    }
    const siblings = siblingsOf(doc, {
      teamId: snap.rootTeam,
      section: snap.rootSection,
      parent,
    })
    // Where it was among the siblings left; first in its section if its parent went with it.
    const isOrphan = snap.parent !== '' && !hasParent
    const index = isOrphan ? 0 : siblings.filter((s) => compareOrdered(s, snap) < 0).length
    return addItemIn(doc, {
      teamId: snap.rootTeam,
      section: snap.rootSection,
      parent,
      index,
      text: snap.text,
      owners: snap.owners,
      status: isKnownStatus(snap.status) ? snap.status : undefined,
      isTask: snap.isTask,
      group: snap.group,
      from: snap.from,
    })
  })
}
