import * as Y from 'yjs'
import { generateNKeysBetween } from 'fractional-indexing'
import { ITEM, itemsMap } from './schema'
import { childrenIndex, placeItems, readRawItems, rootKey } from './read-items'
import { isValidOrderKey } from './order'
import { newId } from './ids'
import { change } from './transact'
import type { ItemStatus } from './status'
import type { ListStyle } from './types'
import { listStyle } from './list-style'

/** An item with its children, as an importer produces it. */
export interface ItemTreeInput {
  text: string
  owners?: readonly string[]
  status?: ItemStatus
  isTask?: boolean
  group?: string
  /** How `children` are numbered (default: bullets). */
  list?: ListStyle
  children?: readonly ItemTreeInput[]
}

/**
 * Appends items (with their children, recursively) after the last item of a section, inside the
 * caller's transaction. The existing items are read once, so appending n items costs O(n) plus
 * one read of the document (adding them one by one with `addItemIn` would be quadratic).
 * Returns the ids of the top-level items, in order.
 */
export function appendItemTreeIn(
  doc: Y.Doc,
  args: {
    teamId: string
    section: string
    items: readonly ItemTreeInput[]
    /**
     * The order key of the section's last top-level item, when the caller already knows it
     * (`null`: the section is empty), e.g. from {@link lastOrderKeys}; saves reading the doc.
     */
    after?: string | null
  },
): string[] {
  if (args.items.length === 0) return []
  const after =
    args.after !== undefined
      ? args.after
      : (lastOrderKeys(doc, args.teamId).get(args.section) ?? null)
  return writeLevel(doc, args.teamId, args.section, '', args.items, after)
}

/** The order key of the last top-level item of each section of a team (one read of the doc). */
export function lastOrderKeys(doc: Y.Doc, teamId: string): Map<string, string> {
  const out = new Map<string, string>()
  const index = childrenIndex(placeItems(readRawItems(doc, []), []))
  for (const [key, list] of index) {
    const prefix = rootKey(teamId, '')
    const last = list.at(-1)?.order
    if (key.startsWith(prefix) && last !== undefined && isValidOrderKey(last)) {
      out.set(key.slice(prefix.length), last)
    }
  }
  return out
}

/** Appends items at the end of a section as one transaction. Returns the top-level ids. */
export function appendItemTree(
  doc: Y.Doc,
  args: { teamId: string; section: string; items: readonly ItemTreeInput[] },
): string[] {
  return change(doc, () => appendItemTreeIn(doc, args))
}

function writeLevel(
  doc: Y.Doc,
  teamId: string,
  section: string,
  parent: string,
  items: readonly ItemTreeInput[],
  after: string | null,
): string[] {
  const keys = generateNKeysBetween(after, null, items.length)
  return items.map((input, i) => {
    const id = newId()
    const item = new Y.Map<unknown>()
    item.set(ITEM.text, new Y.Text(input.text))
    item.set(ITEM.team, teamId)
    item.set(ITEM.section, section)
    item.set(ITEM.parent, parent)
    item.set(ITEM.order, keys[i] as string)
    item.set(ITEM.owners, [...new Set(input.owners ?? [])])
    if (input.status !== undefined) item.set(ITEM.status, input.status)
    if (input.isTask) item.set(ITEM.task, true)
    if (input.group) item.set(ITEM.group, input.group)
    if (input.list?.ordered) item.set(ITEM.list, listStyle(true, input.list.start))
    itemsMap(doc).set(id, item as Y.Map<unknown>)
    if (input.children && input.children.length > 0) {
      writeLevel(doc, teamId, section, id, input.children, null)
    }
    return id
  })
}
