import * as Y from 'yjs'
import { ITEM, getItemMap, getNotesText, itemsMap, noteKey, notesMap } from './schema'
import { change } from './transact'
import { orderKeyAt, type Ordered } from './order'
import { childrenIndex, placeItems, readRawItems, rootKey, type PlacedItem } from './read-items'
import { newId } from './ids'
import type { ItemStatus } from './status'
import { markEmptiedIn } from './section-form'

/** Where an item sits: a team's section (team `''` = the global sections) and a parent. */
export interface ItemPlace {
  teamId: string
  section: string
  /** Parent item id, `''` for the section's top level. */
  parent?: string
  /** Position among its new siblings (default: last). */
  index?: number
}

export interface AddItemArgs extends ItemPlace {
  id?: string
  text?: string
  owners?: readonly string[]
  status?: ItemStatus
  isTask?: boolean
  group?: string
  from?: string
}

function placed(doc: Y.Doc): Map<string, PlacedItem> {
  return placeItems(readRawItems(doc, []), [])
}

function siblingsAt(
  all: Map<string, PlacedItem>,
  teamId: string,
  section: string,
  parent: string,
  except: string,
): Ordered[] {
  const key = parent === '' ? rootKey(teamId, section) : parent
  return (childrenIndex(all).get(key) ?? []).filter((s) => s.id !== except)
}

/** The items at a place (a section's top level, or under a parent), in order. */
export function siblingsOf(
  doc: Y.Doc,
  place: { teamId: string; section: string; parent: string },
): Ordered[] {
  const all = placed(doc)
  const parent = place.parent && all.has(place.parent) ? all.get(place.parent) : undefined
  return parent
    ? siblingsAt(all, parent.effectiveTeam, parent.effectiveSection, parent.id, '')
    : siblingsAt(all, place.teamId, place.section, '', '')
}

function rekeyItem(doc: Y.Doc): (id: string, key: string) => void {
  return (id, key) => getItemMap(doc, id)?.set(ITEM.order, key)
}

/** Adds an item inside the caller's transaction; returns its id. */
export function addItemIn(doc: Y.Doc, args: AddItemArgs): string {
  const id = args.id ?? newId()
  const all = placed(doc)
  const parent = args.parent && all.has(args.parent) ? args.parent : ''
  const owner = parent ? all.get(parent) : undefined
  const teamId = owner ? owner.effectiveTeam : args.teamId
  const section = owner ? owner.effectiveSection : args.section
  const siblings = siblingsAt(all, teamId, section, parent, id)
  const item = new Y.Map<unknown>()
  item.set(ITEM.text, new Y.Text(args.text ?? ''))
  item.set(ITEM.team, teamId)
  item.set(ITEM.section, section)
  item.set(ITEM.parent, parent)
  item.set(ITEM.order, orderKeyAt(siblings, args.index ?? siblings.length, rekeyItem(doc)))
  item.set(ITEM.owners, [...(args.owners ?? [])])
  if (args.status !== undefined) item.set(ITEM.status, args.status)
  if (args.isTask) item.set(ITEM.task, true)
  if (args.group) item.set(ITEM.group, args.group)
  if (args.from) item.set(ITEM.from, args.from)
  itemsMap(doc).set(id, item as Y.Map<unknown>)
  return id
}

/** Adds an item to a section (or under a parent item). Returns its id. */
export function addItem(doc: Y.Doc, args: AddItemArgs): string {
  return change(doc, () => addItemIn(doc, args))
}

function descendants(all: Map<string, PlacedItem>, id: string): string[] {
  const index = childrenIndex(all)
  const out: string[] = []
  const stack = [id]
  for (let p = stack.pop(); p !== undefined; p = stack.pop()) {
    for (const c of index.get(p) ?? []) {
      out.push(c.id)
      stack.push(c.id)
    }
  }
  return out
}

/**
 * Moves an item (with its children) to a new place: within its list, to another section or team,
 * or under another parent. Only fields change (team, section, parent, order); the item's Y.Text
 * and identity stay, so a peer typing in it at the same moment loses nothing. Moving an item under
 * itself or one of its descendants is refused (returns false).
 */
export function moveItem(doc: Y.Doc, args: { itemId: string } & Partial<ItemPlace>): boolean {
  return change(doc, () => {
    const map = getItemMap(doc, args.itemId)
    const all = placed(doc)
    const cur = all.get(args.itemId)
    if (!map || !cur) return false
    // A move to another team or section without a parent goes to that section's top level.
    const isNewSection =
      (args.teamId !== undefined && args.teamId !== cur.effectiveTeam) ||
      (args.section !== undefined && args.section !== cur.effectiveSection)
    const parent = args.parent ?? (isNewSection ? '' : cur.effectiveParent)
    if (parent !== '' && (parent === args.itemId || descendants(all, args.itemId).includes(parent)))
      return false
    const owner = parent ? all.get(parent) : undefined
    if (parent && !owner) return false
    const teamId = owner ? owner.effectiveTeam : (args.teamId ?? cur.effectiveTeam)
    const section = owner ? owner.effectiveSection : (args.section ?? cur.effectiveSection)
    const siblings = siblingsAt(all, teamId, section, parent, args.itemId)
    const order = orderKeyAt(siblings, args.index ?? siblings.length, rekeyItem(doc))
    map.set(ITEM.parent, parent)
    map.set(ITEM.order, order)
    const moved = [args.itemId, ...descendants(all, args.itemId)]
    for (const id of moved) {
      const m = getItemMap(doc, id)
      if (m?.get(ITEM.team) !== teamId) m?.set(ITEM.team, teamId)
      if (m?.get(ITEM.section) !== section) m?.set(ITEM.section, section)
    }
    if (teamId !== cur.effectiveTeam || section !== cur.effectiveSection) {
      markEmptiedIn(doc, all, { teamId: cur.effectiveTeam, section: cur.effectiveSection }, moved)
    }
    return true
  })
}

/** Nests an item under its previous sibling (as its last child). Returns false if it has none. */
export function indentItem(doc: Y.Doc, args: { itemId: string }): boolean {
  const all = placed(doc)
  const cur = all.get(args.itemId)
  if (!cur) return false
  const siblings = siblingsAt(all, cur.effectiveTeam, cur.effectiveSection, cur.effectiveParent, '')
  const i = siblings.findIndex((s) => s.id === args.itemId)
  const prev = i > 0 ? siblings[i - 1] : undefined
  if (!prev) return false
  return moveItem(doc, { itemId: args.itemId, parent: prev.id })
}

/** Un-nests an item: it becomes the next sibling of its parent. Returns false at top level. */
export function outdentItem(doc: Y.Doc, args: { itemId: string }): boolean {
  const all = placed(doc)
  const cur = all.get(args.itemId)
  if (!cur || cur.effectiveParent === '') return false
  const parent = all.get(cur.effectiveParent)
  if (!parent) return false
  const siblings = siblingsAt(
    all,
    parent.effectiveTeam,
    parent.effectiveSection,
    parent.effectiveParent,
    args.itemId,
  )
  const index = siblings.findIndex((s) => s.id === parent.id) + 1
  return moveItem(doc, { itemId: args.itemId, parent: parent.effectiveParent, index })
}

/** Moves an item one place up (-1) or down (+1) among its siblings. Returns false at the edge. */
export function shiftItem(doc: Y.Doc, args: { itemId: string; by: -1 | 1 }): boolean {
  const all = placed(doc)
  const cur = all.get(args.itemId)
  if (!cur) return false
  const siblings = siblingsAt(all, cur.effectiveTeam, cur.effectiveSection, cur.effectiveParent, '')
  const i = siblings.findIndex((s) => s.id === args.itemId)
  const target = i + args.by
  if (target < 0 || target >= siblings.length) return false
  return moveItem(doc, { itemId: args.itemId, index: target })
}

/** Removes an item and all its descendants. */
export function removeItem(doc: Y.Doc, args: { itemId: string }): void {
  change(doc, () => {
    const all = placed(doc)
    const items = itemsMap(doc)
    const gone = [args.itemId, ...descendants(all, args.itemId)]
    for (const id of gone) items.delete(id)
    const cur = all.get(args.itemId)
    if (cur) {
      markEmptiedIn(doc, all, { teamId: cur.effectiveTeam, section: cur.effectiveSection }, gone)
    }
  })
}

/**
 * Joins an item into another (Backspace at the start of an item: the reverse of Enter's split):
 * its text is appended to `into`'s, its owners added to `into`'s, its nested items become
 * `into`'s last ones (moved, not copied), and the item goes. Refused (undefined) when `into` is
 * the item itself, one of its nested items, or missing. Returns where the join is in `into`'s
 * text, for the caret. One transaction.
 */
export function joinItemInto(
  doc: Y.Doc,
  args: { itemId: string; into: string },
): { caret: number } | undefined {
  return change(doc, () => {
    const all = placed(doc)
    const cur = all.get(args.itemId)
    const target = all.get(args.into)
    if (!cur || !target || args.into === args.itemId) return undefined
    if (descendants(all, args.itemId).includes(args.into)) return undefined
    const from = getItemMap(doc, args.itemId)
    const to = getItemMap(doc, args.into)
    const fromText = from?.get(ITEM.text)
    const toText = to?.get(ITEM.text)
    if (!(fromText instanceof Y.Text) || !(toText instanceof Y.Text)) return undefined
    const caret = toText.length
    toText.insert(caret, fromText.toString())
    const owners = [...new Set([...target.owners, ...cur.owners])]
    if (owners.length !== target.owners.length) to?.set(ITEM.owners, owners)
    const children = siblingsAt(all, cur.effectiveTeam, cur.effectiveSection, cur.id, '')
    for (const child of children) moveItem(doc, { itemId: child.id, parent: args.into })
    itemsMap(doc).delete(args.itemId)
    return { caret }
  })
}

/**
 * Replaces an item's text by applying the smallest single edit (common prefix and suffix kept), so
 * a concurrent edit elsewhere in the same text survives.
 */
export function setItemText(doc: Y.Doc, args: { itemId: string; text: string }): void {
  change(doc, () => {
    const t = getItemMap(doc, args.itemId)?.get(ITEM.text)
    if (t instanceof Y.Text) replaceText(t, args.text)
  })
}

/** Applies one edit at `index` to an item's text: the text binding of the editor uses this. */
export function editItemText(
  doc: Y.Doc,
  args: { itemId: string; index: number; remove: number; insert: string },
): void {
  change(doc, () => {
    const t = getItemMap(doc, args.itemId)?.get(ITEM.text)
    if (!(t instanceof Y.Text)) return
    const index = Math.max(0, Math.min(args.index, t.length))
    const remove = Math.max(0, Math.min(args.remove, t.length - index))
    if (remove > 0) t.delete(index, remove)
    if (args.insert) t.insert(index, args.insert)
  })
}

/** Sets the status (its meaning depends on the section's role; see status.ts). */
export function setItemStatus(doc: Y.Doc, args: { itemId: string; status: ItemStatus }): void {
  change(doc, () => getItemMap(doc, args.itemId)?.set(ITEM.status, args.status))
}

/** Sets the owners (GitHub handles without `@`, in order, without duplicates). */
export function setOwners(doc: Y.Doc, args: { itemId: string; owners: readonly string[] }): void {
  change(doc, () => getItemMap(doc, args.itemId)?.set(ITEM.owners, [...new Set(args.owners)]))
}

/** Marks whether the item is a task list item (`- [ ]`). */
export function setItemTask(doc: Y.Doc, args: { itemId: string; isTask: boolean }): void {
  change(doc, () => getItemMap(doc, args.itemId)?.set(ITEM.task, args.isTask))
}

/** Sets the person the item is grouped under (`''` for none). */
export function setItemGroup(doc: Y.Doc, args: { itemId: string; group: string }): void {
  change(doc, () => getItemMap(doc, args.itemId)?.set(ITEM.group, args.group))
}

/** Replaces a section's free-text notes (smallest edit), creating the notes text if needed. */
export function setSectionNotes(
  doc: Y.Doc,
  args: { teamId: string; section: string; text: string },
): void {
  change(doc, () => replaceText(notesTextIn(doc, args.teamId, args.section), args.text))
}

/**
 * Applies one edit at `index` to a section's notes (created if missing): the notes field of the
 * editor uses this, so a colleague's concurrent edit elsewhere in the notes survives. Indexes are
 * clamped to the current text.
 */
export function editSectionNotes(
  doc: Y.Doc,
  args: { teamId: string; section: string; index: number; remove: number; insert: string },
): void {
  change(doc, () => {
    const t = notesTextIn(doc, args.teamId, args.section)
    const index = Math.max(0, Math.min(args.index, t.length))
    const remove = Math.max(0, Math.min(args.remove, t.length - index))
    if (remove > 0) t.delete(index, remove)
    if (args.insert) t.insert(index, args.insert)
  })
}

/** The Y.Text of a section's notes, created inside the caller's transaction if missing. */
export function notesTextIn(doc: Y.Doc, teamId: string, section: string): Y.Text {
  const existing = getNotesText(doc, teamId, section)
  if (existing) return existing
  const t = new Y.Text()
  notesMap(doc).set(noteKey(teamId, section), t)
  return t
}

/** Turns `t` into `next` with one delete and one insert between the common prefix and suffix. */
export function replaceText(t: Y.Text, next: string): void {
  const cur = t.toString()
  if (cur === next) return
  let start = 0
  while (start < cur.length && start < next.length && cur[start] === next[start]) start++
  let end = 0
  while (
    end < cur.length - start &&
    end < next.length - start &&
    cur[cur.length - 1 - end] === next[next.length - 1 - end]
  )
    end++
  // Never split a surrogate pair (an emoji) between the kept and the replaced part.
  if (start > 0 && isHighSurrogate(cur.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(cur.charCodeAt(cur.length - end))) end--
  const remove = cur.length - start - end
  if (remove > 0) t.delete(start, remove)
  const insert = next.slice(start, next.length - end)
  if (insert) t.insert(start, insert)
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
