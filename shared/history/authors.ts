import * as Y from 'yjs'
import { z } from 'zod'
import { editorsMap, extraSectionsMap, itemsMap, metaMap, notesMap, teamsMap } from '../doc/schema'
import { HISTORY_ORIGIN } from '../doc/origin'
import { change } from '../doc/transact'
import { placeItems, readRawItems } from '../doc/read-items'
import { SPRINT_PART, teamPartKey, type Author } from './types'

/** Who writes with a Yjs client id: the name, colour and handle of their settings. */
export const editorSchema = z.object({
  name: z.string().trim().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  handle: z.string().max(39),
})

export type Editor = z.infer<typeof editorSchema>

/** Every readable entry of the sprint's `editors` map; malformed entries are skipped. */
export function readEditors(doc: Y.Doc): Map<number, Editor> {
  const out = new Map<number, Editor>()
  editorsMap(doc).forEach((value, key) => {
    const id = Number(key)
    const parsed = editorSchema.safeParse(value)
    if (Number.isSafeInteger(id) && id >= 0 && parsed.success) out.set(id, parsed.data)
  })
  return out
}

/**
 * Records that `clientId` (this document's own by default) writes as `editor`, unless it is
 * already recorded so. One transaction of the history origin: never undone, and cheap (a plain
 * value per client id, written once per session and on a change of name).
 */
export function recordEditor(doc: Y.Doc, editor: Editor, clientId = doc.clientID): void {
  const parsed = editorSchema.safeParse(editor)
  if (!parsed.success) return
  const current = editorSchema.safeParse(editorsMap(doc).get(String(clientId)))
  const same =
    current.success &&
    current.data.name === parsed.data.name &&
    current.data.color === parsed.data.color &&
    current.data.handle === parsed.data.handle
  if (same) return
  change(doc, () => editorsMap(doc).set(String(clientId), { ...parsed.data }), HISTORY_ORIGIN)
}

/** Per part key, per client id: how many characters and values that client inserted. */
export type Changes = Map<string, Map<number, number>>

/**
 * What each client inserted into each part between the state vectors `since` (everything when
 * undefined) and `until` (everything after `since` when undefined): the structs written in that
 * range, walked up to the item, team or notes they belong to. Not attributed: deletions (Yjs keeps
 * who wrote a struct, not who deleted it), and writes into an item removed since (Yjs
 * garbage-collects them with it). Reads only.
 */
export function changesSince(
  doc: Y.Doc,
  since: Uint8Array | undefined,
  until?: Uint8Array,
): Changes {
  const from = since ? Y.decodeStateVector(since) : new Map<number, number>()
  const to = until ? Y.decodeStateVector(until) : undefined
  const partOf = partLocator(doc)
  const out: Changes = new Map()
  for (const [client, structs] of doc.store.clients) {
    const start = from.get(client) ?? 0
    const end = to ? (to.get(client) ?? 0) : Y.getState(doc.store, client)
    if (Math.min(end, Y.getState(doc.store, client)) <= start) continue
    for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
      const s = structs[i]
      if (!s || s.id.clock >= end) break
      if (!(s instanceof Y.Item)) continue
      const part = partOf(s)
      if (part === null) continue
      const n = Math.min(end, s.id.clock + s.length) - Math.max(s.id.clock, start)
      const byClient = out.get(part) ?? new Map<number, number>()
      byClient.set(client, (byClient.get(client) ?? 0) + n)
      out.set(part, byClient)
    }
  }
  return out
}

/** A function from a struct to the part it belongs to (memoised per Y type), or null. */
function partLocator(doc: Y.Doc): (item: Y.Item) => string | null {
  const placed = placeItems(readRawItems(doc, []), [])
  const items = itemsMap(doc) as Y.AbstractType<unknown>
  const notes = notesMap(doc) as Y.AbstractType<unknown>
  const teams = teamsMap(doc) as Y.AbstractType<unknown>
  const extras = extraSectionsMap(doc) as Y.AbstractType<unknown>
  const meta = metaMap(doc) as Y.AbstractType<unknown>
  const ofItem = (id: string): string | null => {
    const p = placed.get(id)
    if (!p) return null
    return p.effectiveTeam === '' ? SPRINT_PART : teamPartKey(p.effectiveTeam)
  }
  const atRoot = (root: Y.AbstractType<unknown>, key: string | null): string | null => {
    if (root === meta) return SPRINT_PART
    if (key === null) return null
    if (root === items) return ofItem(key)
    if (root === teams || root === extras) return teamPartKey(key)
    if (root === notes) {
      const team = key.slice(0, Math.max(0, key.indexOf('/')))
      return team === '' ? SPRINT_PART : teamPartKey(team)
    }
    return null
  }
  const memo = new Map<Y.AbstractType<unknown>, string | null>()
  return (item) => {
    const chain: Y.AbstractType<unknown>[] = []
    let cur = item
    let result: string | null = null
    for (;;) {
      const parent = cur.parent
      if (!(parent instanceof Y.AbstractType)) break
      const known = memo.get(parent)
      if (known !== undefined) {
        result = known
        break
      }
      if (parent._item === null) {
        result = atRoot(parent, cur.parentSub)
        break
      }
      chain.push(parent)
      cur = parent._item
    }
    for (const t of chain) memo.set(t, result)
    return result
  }
}

/**
 * The authors of each part, most active first, named from the `editors` map (a client id with no
 * entry is "Someone (client 123)": a peer of an older version, or one whose entry has not
 * arrived yet).
 */
export function authorsOf(
  changes: Changes,
  editors: ReadonlyMap<number, Editor>,
): Record<string, Author[]> {
  const out = Object.create(null) as Record<string, Author[]>
  for (const [part, byClient] of changes) {
    out[part] = [...byClient]
      .map(([clientId, n]) => {
        const e = editors.get(clientId)
        return {
          clientId,
          name: e?.name ?? `Someone (client ${clientId})`,
          color: e?.color ?? '#8b8d98',
          changes: n,
        }
      })
      .sort((a, b) => b.changes - a.changes || a.clientId - b.clientId)
  }
  return out
}

/** Authors of two consecutive intervals as one (a checkpoint dropped by the retention rule). */
export function mergeAuthors(
  a: Readonly<Record<string, Author[]>>,
  b: Readonly<Record<string, Author[]>>,
): Record<string, Author[]> {
  const out = Object.create(null) as Record<string, Author[]>
  for (const part of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const byClient = new Map<number, Author>()
    for (const author of [...(a[part] ?? []), ...(b[part] ?? [])]) {
      const cur = byClient.get(author.clientId)
      // The later interval's name wins (someone renamed themselves in between).
      byClient.set(author.clientId, { ...author, changes: (cur?.changes ?? 0) + author.changes })
    }
    out[part] = [...byClient.values()].sort(
      (x, y) => y.changes - x.changes || x.clientId - y.clientId,
    )
  }
  return out
}
