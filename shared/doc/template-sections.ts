import type * as Y from 'yjs'
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'
import { templateSectionSchema, type TemplateSection } from '../template'
import { isValidOrderKey } from './order'
import { sectionEditKey, sectionEditsMap } from './schema'
import type { Problem } from './types'

/**
 * Per-section storage of a sprint's template sections, so that two people editing the Sections
 * dialog at once keep both changes (one renames a section, the other adds one).
 *
 * The sections stored in `meta.template` are the base, written once when the sprint is created
 * (or its template replaced) and never rewritten. Every later edit is a field of one section in
 * the `sectionEdits` root, one key per (scope, section, field): a rename sets `heading`, a move
 * sets `order` (a fractional key; base sections sit at implicit keys in their base order), a
 * removal sets `removed`, an added section sets all its fields. Concurrent edits of different
 * sections, or of different fields of one section, all survive; the same field edited twice at
 * once is last-writer-wins.
 */

/** Which template's sections: the team comment's, or the global ones. */
export type SectionScope = 'team' | 'issue'

/** The fields of a section stored one by one (`key` is part of the storage key). */
const FIELDS = [
  'heading',
  'level',
  'kind',
  'role',
  'listStyle',
  'field',
  'guidance',
  'placeholder',
  'layout',
  'priority',
] as const
const ORDER = 'order'
const REMOVED = 'removed'

/** A section in its effective order, with the key that places it. */
interface Placed {
  def: TemplateSection
  order: string
}

/** The stored edits of one scope, per section key and field. */
function editsOf(doc: Y.Doc, scope: SectionScope): Map<string, Map<string, unknown>> {
  const out = new Map<string, Map<string, unknown>>()
  const prefix = sectionEditKey(scope, '', '').slice(0, 2)
  sectionEditsMap(doc).forEach((value, key) => {
    if (!key.startsWith(prefix)) return
    const [, section, field] = key.split('\u0000')
    if (section === undefined || field === undefined || section === '') return
    let rec = out.get(section)
    if (!rec) out.set(section, (rec = new Map()))
    rec.set(field, value)
  })
  return out
}

function placedSections(
  doc: Y.Doc,
  scope: SectionScope,
  base: readonly TemplateSection[],
  problems: Problem[],
): Placed[] {
  const edits = editsOf(doc, scope)
  const baseKeys = generateNKeysBetween(null, null, base.length)
  const out: Placed[] = []
  const place = (key: string, from: Partial<TemplateSection>, implicitOrder: string): void => {
    const rec = edits.get(key)
    if (rec?.get(REMOVED) === true) return
    const merged: Record<string, unknown> = { ...from, key }
    for (const f of FIELDS) {
      if (!rec?.has(f)) continue
      const v = rec.get(f)
      // `null` clears an optional field (a guidance taken off).
      merged[f] = v === null ? undefined : v
    }
    const parsed = templateSectionSchema.safeParse(merged)
    const order = rec?.get(ORDER)
    if (!parsed.success || (implicitOrder === '' && !isValidOrderKey(order))) {
      problems.push({
        path: `sectionEdits/${scope}/${key}`,
        message: 'skipped a malformed section',
      })
      return
    }
    out.push({ def: parsed.data, order: isValidOrderKey(order) ? order : implicitOrder })
  }
  base.forEach((def, i) => place(def.key, def, baseKeys[i] as string))
  const baseKeySet = new Set(base.map((d) => d.key))
  for (const key of [...edits.keys()].sort()) if (!baseKeySet.has(key)) place(key, {}, '')
  return out.sort((a, b) =>
    a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.def.key < b.def.key ? -1 : 1,
  )
}

/**
 * The effective sections of a scope: the base with every stored edit applied, in order. A
 * malformed edit (a buggy or hostile peer) skips its section and is reported, never thrown on.
 */
export function effectiveSections(
  doc: Y.Doc,
  scope: SectionScope,
  base: readonly TemplateSection[],
  problems: Problem[] = [],
): TemplateSection[] {
  return placedSections(doc, scope, base, problems).map((p) => p.def)
}

/**
 * Writes the difference between the current effective sections and `next` as per-section,
 * per-field edits, inside the caller's transaction: added sections get all their fields, changed
 * fields are set, missing sections are marked removed, and only the sections whose place among
 * the others changed get a new order key.
 */
export function writeSectionEdits(
  doc: Y.Doc,
  scope: SectionScope,
  base: readonly TemplateSection[],
  next: readonly TemplateSection[],
): void {
  const current = placedSections(doc, scope, base, [])
  const byKey = new Map(current.map((p) => [p.def.key, p]))
  const nextKeys = new Set(next.map((s) => s.key))
  const map = sectionEditsMap(doc)
  const set = (key: string, field: string, value: unknown): void => {
    map.set(sectionEditKey(scope, key, field), value)
  }
  for (const p of current) if (!nextKeys.has(p.def.key)) set(p.def.key, REMOVED, true)
  const kept = keptInPlace(next.map((s) => byKey.get(s.key)?.order))
  let last: string | null = null
  next.forEach((s, i) => {
    const had = byKey.get(s.key)
    if (!had) set(s.key, REMOVED, false)
    for (const f of FIELDS) {
      const before = had ? had.def[f] : undefined
      if (!had || !sameValue(before, s[f])) set(s.key, f, s[f] ?? null)
    }
    let order = had?.order
    if (order === undefined || !kept.has(i)) {
      const after = next.slice(i + 1).findIndex((_, j) => kept.has(i + 1 + j))
      const upper = after < 0 ? null : (byKey.get(next[i + 1 + after]?.key ?? '')?.order ?? null)
      order = generateKeyBetween(last, upper)
      set(s.key, ORDER, order)
    }
    last = order
  })
}

/**
 * Indexes of the entries that keep their order key: a longest strictly increasing run of the
 * current keys (entries without a key, being new, never keep one). Quadratic, for ≤ 100 sections.
 */
function keptInPlace(keys: readonly (string | undefined)[]): Set<number> {
  const best: number[] = []
  const prev: number[] = []
  keys.forEach((k, i) => {
    best[i] = k === undefined ? 0 : 1
    prev[i] = -1
    if (k === undefined) return
    for (let j = 0; j < i; j++) {
      const kj = keys[j]
      if (kj !== undefined && kj < k && (best[j] as number) + 1 > (best[i] as number)) {
        best[i] = (best[j] as number) + 1
        prev[i] = j
      }
    }
  })
  let end = -1
  best.forEach((b, i) => {
    if (b > 0 && (end < 0 || b > (best[end] as number))) end = i
  })
  const out = new Set<number>()
  for (let i = end; i >= 0; i = prev[i] as number) out.add(i)
  return out
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Forgets every section edit of both scopes (the template was replaced as a whole). */
export function clearSectionEdits(doc: Y.Doc): void {
  const map = sectionEditsMap(doc)
  for (const key of [...map.keys()]) map.delete(key)
}
