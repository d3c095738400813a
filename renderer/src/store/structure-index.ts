import * as Y from 'yjs'
import { ITEM, itemsMap } from '../../../shared/doc'
import {
  childrenIndex,
  placeItems,
  readRawItems,
  rootKey,
  type PlacedItem,
} from '../../../shared/doc/read-items'
import type { ExternalStore } from './useY'

const PLACE_KEYS: ReadonlySet<string> = new Set([ITEM.team, ITEM.section, ITEM.parent, ITEM.order])
const NONE: readonly string[] = Object.freeze([])

/**
 * Where every item sits (children of each section and of each item), recomputed only when the
 * structure changes: an item added or removed, or one of its place fields set. Typing in an item
 * (a Y.Text event) or setting its status does not touch it, so lists do not re-render then.
 */
export class StructureIndex {
  private readonly doc: Y.Doc
  private placed = new Map<string, PlacedItem>()
  private children = new Map<string, PlacedItem[]>()
  private readonly idLists = new Map<string, readonly string[]>()
  private readonly sectionLists = new Map<string, readonly string[]>()
  private readonly listeners = new Set<() => void>()
  private isDirty = true
  private version = 0

  constructor(doc: Y.Doc) {
    this.doc = doc
    itemsMap(doc).observeDeep(this.onEvents)
  }

  destroy(): void {
    itemsMap(this.doc).unobserveDeep(this.onEvents)
    this.listeners.clear()
  }

  private readonly onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const root = itemsMap(this.doc)
    const isStructural = events.some((e) => {
      if (e.target === root) return true
      if (!(e.target instanceof Y.Map) || e.target.parent !== root) return false
      return [...(e as Y.YMapEvent<unknown>).keysChanged].some((k) => PLACE_KEYS.has(k))
    })
    if (!isStructural) return
    this.isDirty = true
    this.version++
    for (const l of [...this.listeners]) l()
  }

  private refresh(): void {
    if (!this.isDirty) return
    this.isDirty = false
    this.placed = placeItems(readRawItems(this.doc, []), [])
    this.children = childrenIndex(this.placed)
    for (const [key, prev] of this.idLists) {
      const next = (this.children.get(key) ?? []).map((p) => p.id)
      if (next.length !== prev.length || next.some((id, i) => id !== prev[i])) {
        this.idLists.set(key, next.length ? next : NONE)
      }
    }
  }

  /** A counter bumped on every structural change. */
  getVersion(): number {
    return this.version
  }

  /** Ids of the children of `parentKey` (an item id, or {@link sectionKey}), in order. */
  childIds(parentKey: string): readonly string[] {
    this.refresh()
    let list = this.idLists.get(parentKey)
    if (!list) {
      const ids = (this.children.get(parentKey) ?? []).map((p) => p.id)
      list = ids.length ? ids : NONE
      this.idLists.set(parentKey, list)
    }
    return list
  }

  /**
   * Keys of the sections of `teamId` holding at least one top-level item, sorted. The same array
   * until that set changes (a snapshot for `useStore`).
   */
  sectionsWithItems(teamId: string): readonly string[] {
    this.refresh()
    const prefix = sectionKey(teamId, '')
    const next: string[] = []
    for (const [key, list] of this.children) {
      if (key.startsWith(prefix) && list.length > 0) next.push(key.slice(prefix.length))
    }
    next.sort()
    const prev = this.sectionLists.get(teamId)
    if (prev && prev.length === next.length && prev.every((k, i) => k === next[i])) return prev
    const list = next.length ? next : NONE
    this.sectionLists.set(teamId, list)
    return list
  }

  /** A store of {@link sectionsWithItems}, for `useStore`. */
  sectionStore(teamId: string): ExternalStore<readonly string[]> {
    return {
      subscribe: (onChange) => {
        this.listeners.add(onChange)
        return () => this.listeners.delete(onChange)
      },
      getSnapshot: () => this.sectionsWithItems(teamId),
    }
  }

  /** Where an item currently is, or undefined when it is gone. */
  place(itemId: string): PlacedItem | undefined {
    this.refresh()
    return this.placed.get(itemId)
  }

  /** Every item id in document order of one section (depth first), for arrow-key navigation. */
  flatIds(teamId: string, section: string): string[] {
    const out: string[] = []
    const walk = (key: string): void => {
      for (const id of this.childIds(key)) {
        out.push(id)
        walk(id)
      }
    }
    walk(sectionKey(teamId, section))
    return out
  }

  /** A store of one parent's child ids, for `useStore`. */
  childStore(parentKey: string): ExternalStore<readonly string[]> {
    return {
      subscribe: (onChange) => {
        this.listeners.add(onChange)
        return () => this.listeners.delete(onChange)
      },
      getSnapshot: () => this.childIds(parentKey),
    }
  }
}

/** Key of a section's top-level list in the index. */
export function sectionKey(teamId: string, section: string): string {
  return rootKey(teamId, section)
}
