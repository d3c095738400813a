import * as Y from 'yjs'
import { ITEM, itemsMap } from './schema'
import type { ListStyle, Problem } from './types'
import { BULLETS, readListStyle } from './list-style'
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
  /** How its children are numbered. */
  list: ListStyle
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
    list: readListStyle(map.get(ITEM.list), `${path}/${ITEM.list}`, problems) ?? { ...BULLETS },
  }
}

/** Reads every item map of the doc; entries that are not maps are reported and skipped. */
export function readRawItems(doc: Y.Doc, problems: Problem[]): Map<string, RawItem> {
  const out = new Map<string, RawItem>()
  for (const [id, value] of sortedEntries<unknown>(itemsMap(doc) as Y.Map<unknown>)) {
    if (id.includes('\u0000')) {
      // Never an id this app makes; it could collide with a section's key in childrenIndex.
      problems.push({ path: 'items/?', message: 'skipped an item whose id has a NUL character' })
    } else if (value instanceof Y.Map)
      out.set(id, readRawItem(id, value as Y.Map<unknown>, problems))
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
  capDepth(parentOf, problems)
  const rootOf = rootsOf(parentOf)
  const placed = new Map<string, PlacedItem>()
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

/** The deepest nesting shown; deeper items (only a hostile or buggy peer makes them) are flattened. */
export const MAX_DEPTH = 32

/**
 * Memoised root lookup over an acyclic parent map: each item is walked once, so placing n items
 * is linear whatever the depth.
 */
function rootsOf(parentOf: Map<string, string>): (id: string) => string {
  const root = new Map<string, string>()
  return (id) => {
    const chain: string[] = []
    let cur = id
    let found = root.get(cur)
    while (found === undefined) {
      chain.push(cur)
      const p = parentOf.get(cur)
      if (p === undefined) {
        found = cur
        break
      }
      cur = p
      found = root.get(cur)
    }
    for (const c of chain) root.set(c, found)
    return found
  }
}

/**
 * Items nested deeper than {@link MAX_DEPTH} levels are re-parented to their ancestor at the last
 * allowed level (and reported), so every tree walk stays shallow: no stack overflow from a chain
 * of thousands of parent links.
 */
function capDepth(parentOf: Map<string, string>, problems: Problem[]): void {
  const depth = new Map<string, number>()
  const depthOf = (id: string): number => {
    const chain: string[] = []
    let cur: string | undefined = id
    let base = 0
    while (cur !== undefined) {
      const known = depth.get(cur)
      if (known !== undefined) {
        base = known
        break
      }
      chain.push(cur)
      cur = parentOf.get(cur)
    }
    for (let i = chain.length - 1; i >= 0; i--) depth.set(chain[i] as string, ++base)
    return depth.get(id) as number
  }
  const deep = [...parentOf.keys()].filter((id) => depthOf(id) > MAX_DEPTH)
  if (deep.length === 0) return
  // Shallowest first, so each item's parent is already capped when it is reached.
  deep.sort((a, b) => (depth.get(a) as number) - (depth.get(b) as number) || (a < b ? -1 : 1))
  for (const id of deep) {
    const p = parentOf.get(id) as string
    if ((depth.get(p) as number) >= MAX_DEPTH) parentOf.set(id, parentOf.get(p) as string)
    depth.set(id, (depth.get(parentOf.get(id) as string) as number) + 1)
    problems.push({
      path: `items/${id}/parent`,
      message: `nested deeper than ${MAX_DEPTH} levels; shown at level ${MAX_DEPTH}`,
    })
  }
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
