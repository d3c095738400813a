import * as Y from 'yjs'
import { ITEM, ROOT, TEAM, TEAM_SECTION } from './schema'

/**
 * What the sprint schema allows where, checked on a Yjs update before it is applied: the server
 * refuses an update that would store a value of the wrong kind in a place the schema names (the
 * tolerant reader would skip it, but a server must not keep a broken sprint for every later
 * joiner). Places the schema does not name (a root or key a newer version adds) are allowed, so
 * that an older server does not refuse a newer app's edits.
 */
type Kind = 'map' | 'text' | 'plain'

/** An item's content (Yjs does not export the base class's type). */
type Content = Y.Item['content']

/** What each root's entries must be. */
const ROOT_ENTRY: Readonly<Record<string, Kind>> = {
  [ROOT.meta]: 'plain',
  [ROOT.teams]: 'map',
  [ROOT.items]: 'map',
  [ROOT.notes]: 'text',
  [ROOT.extraSections]: 'map',
}

/** What the keys inside one entry (a team, an item, a team's extra sections) must be. */
function entryKeyKind(root: string, key: string): Kind | undefined {
  switch (root) {
    case ROOT.items:
      if (key === ITEM.text) return 'text'
      return (Object.values(ITEM) as string[]).includes(key) ? 'plain' : undefined
    case ROOT.teams:
      if (Object.values(TEAM_SECTION).some((prefix) => key.startsWith(prefix))) return 'plain'
      return (Object.values(TEAM) as string[]).includes(key) ? 'plain' : undefined
    case ROOT.extraSections:
      return 'plain'
    default:
      return undefined
  }
}

/** Where a struct lands: its root and the map keys (or `null` for list content) below it. */
interface Location {
  root: string
  subs: (string | null)[]
}

/** Nesting deeper than this is not checked (the schema's places are at most two deep). */
const MAX_DEPTH = 4

/**
 * Why `update` (v1 encoding) would break the sprint schema of `doc`, or `undefined` if it does
 * not. Never throws (an update that does not decode is left to `inspectUpdate`). Refused: list
 * content directly in a root or in a team / item entry (they are maps), an entry of the wrong
 * kind in a root (`teams`, `items`, `extraSections` hold maps, `notes` texts, `meta` plain values),
 * an item's `text` that is not a Y.Text, and a Y type where a team or item field holds a plain
 * value. A struct whose place depends on something neither the update nor `doc` holds yet (Yjs
 * keeps it pending) cannot be placed and is allowed.
 */
export function inspectUpdateSchema(doc: Y.Doc, update: Uint8Array): string | undefined {
  let structs: (Y.Item | Y.GC | Y.Skip)[]
  try {
    structs = (Y.decodeUpdate(update) as { structs: (Y.Item | Y.GC | Y.Skip)[] }).structs
  } catch {
    return undefined
  }
  const locator = new Locator(doc, structs)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const where = locator.locate(struct, 0)
    if (where === undefined) continue
    const problem = checkPlace(where, struct.content)
    if (problem !== undefined) return `schema: ${problem}`
  }
  return undefined
}

function checkPlace(where: Location, content: Content): string | undefined {
  const expected = ROOT_ENTRY[where.root]
  if (expected === undefined || content instanceof Y.ContentDeleted) return undefined
  const [entry, key] = where.subs
  if (where.subs.length === 1) {
    if (entry === null) return `list content in the ${where.root} map`
    return isKind(content, expected)
      ? undefined
      : `${where.root}/${entry} must be ${describeKind(expected)}`
  }
  if (where.subs.length !== 2 || expected !== 'map') return undefined
  if (key === null) return `list content in ${where.root}/${entry}`
  const kind = key === undefined ? undefined : entryKeyKind(where.root, key)
  if (kind === undefined || isKind(content, kind)) return undefined
  return `${where.root}/…/${key} must be ${describeKind(kind)}`
}

function isKind(content: Content, kind: Kind): boolean {
  if (kind === 'plain')
    return !(content instanceof Y.ContentType || content instanceof Y.ContentDoc)
  if (!(content instanceof Y.ContentType)) return false
  return kind === 'map' ? content.type instanceof Y.Map : content.type instanceof Y.Text
}

function describeKind(kind: Kind): string {
  return { map: 'a Y.Map', text: 'a Y.Text', plain: 'a plain value' }[kind]
}

/**
 * Finds where structs of an update land, following `parent` (a root name or the id of the item
 * holding the parent type) and, when Yjs left the parent out of the encoding, the origin's place.
 * Looks in the update first, then in the document; memoised, iterative along origin chains.
 */
class Locator {
  private readonly byClient = new Map<number, Y.Item[]>()
  private readonly inUpdate = new Set<Y.Item>()
  private readonly memo = new Map<Y.Item, Location | undefined>()

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue
      this.inUpdate.add(s)
      const list = this.byClient.get(s.id.client) ?? []
      list.push(s)
      this.byClient.set(s.id.client, list)
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock)
  }

  locate(start: Y.Item, depth: number): Location | undefined {
    const chain: Y.Item[] = []
    let found: Location | undefined
    let current: Y.Item | undefined = start
    while (current) {
      if (this.memo.has(current)) {
        found = this.memo.get(current)
        break
      }
      if (current.parent !== null) {
        found = this.fromParent(current, depth)
        chain.push(current)
        break
      }
      chain.push(current)
      const next: Y.ID | null = current.origin ?? current.rightOrigin
      const known: Y.Item | undefined = next ? this.find(next) : undefined
      if (known && !this.inUpdate.has(known)) {
        found = locateIntegrated(known)
        break
      }
      current = known
    }
    for (const item of chain) this.memo.set(item, found)
    return found
  }

  private fromParent(item: Y.Item, depth: number): Location | undefined {
    const parent: unknown = item.parent
    if (typeof parent === 'string') return { root: parent, subs: [item.parentSub] }
    if (!(parent instanceof Y.ID) || depth >= MAX_DEPTH) return undefined
    const holder = this.find(parent)
    if (!holder) return undefined
    const above = this.inUpdate.has(holder)
      ? this.locate(holder, depth + 1)
      : locateIntegrated(holder)
    return above && { root: above.root, subs: [...above.subs, item.parentSub] }
  }

  /** The item containing `id`, from the update or else the document. */
  private find(id: Y.ID): Y.Item | undefined {
    const list = this.byClient.get(id.client)
    if (list) {
      let lo = 0
      let hi = list.length - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const s = list[mid] as Y.Item
        if (id.clock < s.id.clock) hi = mid - 1
        else if (id.clock >= s.id.clock + s.length) lo = mid + 1
        else return s
      }
    }
    try {
      const s: unknown = Y.getItem(this.doc.store, id)
      return s instanceof Y.Item ? s : undefined
    } catch {
      return undefined
    }
  }
}

/** The place of an item already in the document (its parent is a live type). */
function locateIntegrated(item: Y.Item): Location | undefined {
  const subs: (string | null)[] = [item.parentSub]
  let type: unknown = item.parent
  for (let depth = 0; depth <= MAX_DEPTH; depth++) {
    if (!(type instanceof Y.AbstractType)) return undefined
    const holder: Y.Item | null = type._item
    if (holder === null) {
      const root = Y.findRootTypeKey(type)
      return { root, subs }
    }
    subs.unshift(holder.parentSub)
    type = holder.parent
  }
  return undefined
}
