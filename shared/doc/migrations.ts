import * as Y from 'yjs'
import {
  GLOBAL_TEAM,
  META,
  SCHEMA_VERSION,
  TEAM,
  ITEM,
  listKey,
  listsMap,
  metaMap,
  teamsMap,
  itemsMap,
} from './schema'
import { readExtraSections, readTemplate } from './read'
import { placeItems, readRawItems } from './read-items'
import { listStyle } from './list-style'
import { MIGRATION_ORIGIN } from './origin'
import { isValidOrderKey } from './order'

/**
 * Schema migrations. Each step is idempotent and deterministic: it only writes what is missing,
 * and writes the same values on every peer, so two peers migrating the same doc concurrently
 * converge (Y.Map's last-writer-wins then picks between equal values).
 */
interface Migration {
  to: number
  run: (doc: Y.Doc) => void
}

const MIGRATIONS: readonly Migration[] = [
  {
    // v0 → v1: documents from before order keys (early prototypes, hand-written updates) get a
    // key derived from the id alone, so every peer writes the same key for the same item whatever
    // else it has seen, and those items sort by id, before every key the app generates.
    to: 1,
    run: (doc) => {
      assignMissingKeys(teamsMap(doc), TEAM.order)
      assignMissingKeys(itemsMap(doc), ITEM.order)
    },
  },
  {
    // v1 → v2: list styles are stored per list. Every list that already has items keeps the
    // style it was shown with (its section's), so a later change of the section's style in the
    // template applies to new lists only and never renumbers what a team wrote.
    // Template sections are edited per section from v2 on (`sectionEdits`): the template a v1
    // document holds in `meta` becomes, unchanged, the base those edits apply to, so nothing is
    // copied (copying would race a colleague's first edit); the version bump keeps older builds,
    // which rewrite the whole template, from editing a v2 document.
    to: 2,
    run: pinListStyles,
  },
]

function pinListStyles(doc: Y.Doc): void {
  const template = readTemplate(doc)
  const lists = listsMap(doc)
  const styleOf = (teamId: string, section: string): boolean => {
    const defs =
      teamId === GLOBAL_TEAM
        ? (template.issue?.sections ?? [])
        : [...template.sections, ...readExtraSections(doc, teamId).map((e) => e.def)]
    return defs.find((d) => d.key === section)?.listStyle === 'ordered'
  }
  for (const item of placeItems(readRawItems(doc, []), []).values()) {
    if (item.effectiveParent !== '') continue
    const key = listKey(item.effectiveTeam, item.effectiveSection)
    if (lists.has(key)) continue
    lists.set(key, listStyle(styleOf(item.effectiveTeam, item.effectiveSection)))
  }
}

function assignMissingKeys(root: Y.Map<Y.Map<unknown>>, key: string): void {
  root.forEach((value: unknown, id) => {
    if (!(value instanceof Y.Map) || isValidOrderKey(value.get(key))) return
    const derived = orderKeyFromId(id)
    if (derived !== undefined) value.set(key, derived)
  })
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * A fractional-indexing key below `a0` whose order is the id's order: the integer part `Zz`, then
 * each UTF-16 unit as four base-62 digits starting with `1` (unit + 62³), then `01` (a terminator
 * below any unit, so a prefix id sorts first; keys never end in `0`). `undefined` for ids too
 * long to make a reasonable key.
 */
export function orderKeyFromId(id: string): string | undefined {
  if (id.length > 200) return undefined
  let out = 'Zz'
  for (let i = 0; i < id.length; i++) {
    let n = id.charCodeAt(i) + 62 ** 3
    let digits = ''
    for (let d = 0; d < 4; d++) {
      digits = BASE62.charAt(n % 62) + digits
      n = Math.floor(n / 62)
    }
    out += digits
  }
  return `${out}01`
}

/** The schema version stored in the doc (0 when none). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaMap(doc).get(META.schemaVersion)
  return typeof v === 'number' && Number.isInteger(v) ? v : 0
}

/**
 * Brings the doc up to {@link SCHEMA_VERSION}. A doc from a newer version is left untouched
 * (returns false: the caller should say that this build is too old). Safe to call on every open.
 */
export function migrate(doc: Y.Doc): boolean {
  const from = schemaVersionOf(doc)
  if (from > SCHEMA_VERSION) return false
  if (from === SCHEMA_VERSION) return true
  doc.transact(() => {
    for (const m of MIGRATIONS) if (m.to > from) m.run(doc)
    metaMap(doc).set(META.schemaVersion, SCHEMA_VERSION)
  }, MIGRATION_ORIGIN)
  return true
}
