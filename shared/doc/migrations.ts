import * as Y from 'yjs'
import { generateNKeysBetween } from 'fractional-indexing'
import { META, SCHEMA_VERSION, TEAM, ITEM, metaMap, teamsMap, itemsMap } from './schema'
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
    // v0 → v1: documents from before order keys (early prototypes, hand-written updates) get
    // deterministic keys: teams and items without a valid key are ordered by id.
    to: 1,
    run: (doc) => {
      assignMissingKeys(teamsMap(doc), TEAM.order, () => 'teams')
      assignMissingKeys(
        itemsMap(doc),
        ITEM.order,
        (m) =>
          `${String(m.get(ITEM.team))}/${String(m.get(ITEM.section))}/${String(m.get(ITEM.parent))}`,
      )
    },
  },
]

function assignMissingKeys(
  root: Y.Map<Y.Map<unknown>>,
  key: string,
  groupOf: (m: Y.Map<unknown>) => string,
): void {
  const groups = new Map<string, { id: string; map: Y.Map<unknown> }[]>()
  root.forEach((value: unknown, id) => {
    if (!(value instanceof Y.Map) || isValidOrderKey(value.get(key))) return
    const m = value as Y.Map<unknown>
    const g = groupOf(m)
    groups.set(g, [...(groups.get(g) ?? []), { id, map: m }])
  })
  for (const list of groups.values()) {
    list.sort((a, b) => (a.id < b.id ? -1 : 1))
    // Below every existing key ('a0' is the first key ever generated), in id order.
    const keys = generateNKeysBetween(null, 'a0', list.length)
    list.forEach((e, i) => e.map.set(key, keys[i] as string))
  }
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
