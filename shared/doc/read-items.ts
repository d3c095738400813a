import * as Y from 'yjs'
import { ITEM, itemsMap } from './schema'
import type { Problem } from './types'
import { compareOrdered } from './order'
import {
  describe,
  sortedEntries,
  readBoolean,
  readOrder,
  readString,
  readStringList,
} from './read-fields'

/** One item's own fields, read tolerantly, before the tree is resolved. */
export interface RawItem {
  id: string
  text: string
  team: string
  section: string
  /** Parent id as stored (may point at a missing item, or into a cycle). */
  parent: string
  order: string
  status: unknown
  owners: string[]
  isTask: boolean
  group: string
  from: string
}

/** An item with its effective place: parent resolved, team and section of its root ancestor. */
export interface PlacedItem extends RawItem {
  /** The parent actually used ('' when the stored one is missing or in a cycle). */
  effectiveParent: string
  effectiveTeam: string
  effectiveSection: string
}

/** Reads one item map tolerantly. */
export function readRawItem(id: string, map: Y.Map<unknown>, problems: Problem[]): RawItem {
  const path = `items/${id}`
  const textValue = map.get(ITEM.text)
  if (!(textValue instanceof Y.Text) && typeof textValue !== 'string' && textValue !== undefined) {
    problems.push({ path: `${path}/text`, message: `expected text, found ${describe(textValue)}` })
  }
  return {
    id,
    text: readString(map, ITEM.text, path, []),
    team: readString(map, ITEM.team, path, problems),
    section: readString(map, ITEM.section, path, problems),
    parent: readString(map, ITEM.parent, path, problems),
    order: readOrder(map, ITEM.order, path, problems),
    status: map.get(ITEM.status),
    owners: readStringList(map, ITEM.owners, path, problems),
    isTask: readBoolean(map, ITEM.task, path, problems),
    group: readString(map, ITEM.group, path, problems),
    from: readString(map, ITEM.from, path, problems),
  }
}

/** Reads every item map of the doc; entries that are not maps are reported and skipped. */
export function readRawItems(doc: Y.Doc, problems: Problem[]): Map<string, RawItem> {
  const out = new Map<string, RawItem>()
  for (const [id, value] of sortedEntries<unknown>(itemsMap(doc) as Y.Map<unknown>)) {
    if (value instanceof Y.Map) out.set(id, readRawItem(id, value as Y.Map<unknown>, problems))
    else
      problems.push({
        path: `items/${id}`,
        message: `expected an item map, found ${describe(value)}`,
      })
  }
  return out
}

/**
 * Resolves parents: a parent that is missing, is the item itself, or closes a cycle (two peers
 * nesting A under B and B under A at once) is dropped and reported. Cycles are broken at the
 * member with the smallest id, so every peer computes the same tree. Team and section come from
 * the root ancestor.
 */
export function placeItems(
  raw: Map<string, RawItem>,
  problems: Problem[],
): Map<string, PlacedItem> {
  const parentOf = new Map<string, string>()
  for (const item of raw.values()) {
    if (item.parent === '') continue
    if (!raw.has(item.parent)) {
      problems.push({
        path: `items/${item.id}/parent`,
        message: 'parent is missing; shown at top level',
      })
    } else if (item.parent === item.id) {
      problems.push({ path: `items/${item.id}/parent`, message: 'item is its own parent' })
    } else {
      parentOf.set(item.id, item.parent)
    }
  }
  breakCycles(parentOf, problems)
  const placed = new Map<string, PlacedItem>()
  const rootOf = (id: string): string => {
    let cur = id
    for (let p = parentOf.get(cur); p !== undefined; p = parentOf.get(cur)) cur = p
    return cur
  }
  for (const item of raw.values()) {
    const root = raw.get(rootOf(item.id)) ?? item
    placed.set(item.id, {
      ...item,
      effectiveParent: parentOf.get(item.id) ?? '',
      effectiveTeam: root.team,
      effectiveSection: root.section,
    })
  }
  return placed
}

function breakCycles(parentOf: Map<string, string>, problems: Problem[]): void {
  const done = new Set<string>()
  for (const start of [...parentOf.keys()].sort()) {
    const path: string[] = []
    const onPath = new Set<string>()
    let cur: string | undefined = start
    while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
      path.push(cur)
      onPath.add(cur)
      cur = parentOf.get(cur)
    }
    if (cur !== undefined && onPath.has(cur)) {
      const cycle = path.slice(path.indexOf(cur))
      const breakAt = [...cycle].sort()[0] as string
      parentOf.delete(breakAt)
      problems.push({
        path: `items/${breakAt}/parent`,
        message: 'parent links form a cycle; shown at top level',
      })
    }
    for (const id of path) done.add(id)
  }
}

/** Groups placed items by parent ('' for roots of a section), each group sorted. */
export function childrenIndex(placed: Map<string, PlacedItem>): Map<string, PlacedItem[]> {
  const byParent = new Map<string, PlacedItem[]>()
  for (const item of placed.values()) {
    const key =
      item.effectiveParent === ''
        ? rootKey(item.effectiveTeam, item.effectiveSection)
        : item.effectiveParent
    const list = byParent.get(key)
    if (list) list.push(item)
    else byParent.set(key, [item])
  }
  for (const list of byParent.values()) list.sort(compareOrdered)
  return byParent
}

/** Key of the top-level list of a section in {@link childrenIndex}. */
export function rootKey(teamId: string, sectionKey: string): string {
  return `\u0000${teamId}\u0000${sectionKey}`
}
