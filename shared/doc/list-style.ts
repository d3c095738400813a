import * as Y from 'yjs'
import { ITEM, getItemMap, listKey, listsMap } from './schema'
import { change } from './transact'
import { describe } from './read-fields'
import type { ListStyle, Problem } from './types'

/** A bullet list: what a list without a stored style is, unless its template section says. */
export const BULLETS: Readonly<ListStyle> = { ordered: false, start: 1 }

/** The largest start number CommonMark allows (nine digits). */
const MAX_START = 999_999_999

/** A numbered list starting at `start` (clamped to what Markdown can write), or bullets. */
export function listStyle(ordered: boolean, start = 1): ListStyle {
  if (!ordered) return { ...BULLETS }
  const n = Number.isSafeInteger(start) ? Math.min(MAX_START, Math.max(0, start)) : 1
  return { ordered: true, start: n }
}

/**
 * Reads a stored list style tolerantly: `undefined` when absent; a value of the wrong shape is
 * reported in `problems` and read as absent.
 */
export function readListStyle(
  v: unknown,
  path: string,
  problems: Problem[],
): ListStyle | undefined {
  if (v === undefined) return undefined
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Y.AbstractType)) {
    const { ordered, start } = v as { ordered?: unknown; start?: unknown }
    if (typeof ordered === 'boolean' && (start === undefined || typeof start === 'number')) {
      return listStyle(ordered, typeof start === 'number' ? Math.trunc(start) : 1)
    }
  }
  problems.push({ path, message: `expected a list style, found ${describe(v)}` })
  return undefined
}

/** Writes a style as plain JSON (the shape {@link readListStyle} reads). */
function stored(style: ListStyle): ListStyle {
  return listStyle(style.ordered, style.start)
}

/** Sets how a section's top-level list is numbered, inside the caller's transaction. */
export function setListStyleIn(
  doc: Y.Doc,
  args: { teamId: string; section: string; style: ListStyle },
): void {
  listsMap(doc).set(listKey(args.teamId, args.section), stored(args.style))
}

/**
 * Sets how a section's top-level list is numbered for this team (`1.`, `3.` or bullets). Only
 * this list changes: the template's style still applies to the other teams' lists.
 */
export function setListStyle(
  doc: Y.Doc,
  args: { teamId: string; section: string; style: ListStyle },
): void {
  change(doc, () => setListStyleIn(doc, args))
}

/** Sets how an item's children are numbered. No-op if the item does not exist. */
export function setChildListStyle(doc: Y.Doc, args: { itemId: string; style: ListStyle }): void {
  change(doc, () => {
    const item = getItemMap(doc, args.itemId)
    if (!item) return
    if (args.style.ordered) item.set(ITEM.list, stored(args.style))
    else item.delete(ITEM.list)
  })
}
