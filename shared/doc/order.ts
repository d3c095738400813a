import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/** Something that has a place in an ordered list: an id and a fractional order key. */
export interface Ordered {
  id: string
  order: string
}

/**
 * Total order of siblings: by fractional key, then by id. Two peers inserting at the same spot
 * concurrently may produce the same key; the id breaks the tie the same way on every peer.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Whether a string is a usable fractional-indexing key. */
export function isValidOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 1000) return false
  try {
    generateKeyBetween(key, null)
    return true
  } catch {
    return false
  }
}

/**
 * Computes the order key for a new place at `index` among `siblings` (sorted with
 * {@link compareOrdered}, not containing the moved item). When the neighbours share a key (after
 * concurrent inserts) the following siblings are given fresh keys through `rekey`, which is a field
 * change on those siblings (never a delete + insert).
 */
export function orderKeyAt(
  siblings: readonly Ordered[],
  index: number,
  rekey: (id: string, key: string) => void,
): string {
  try {
    return keyAt(siblings, index, rekey)
  } catch {
    // Keys at the very edge of the key space (only a hostile or buggy peer writes them) leave no
    // room: give the whole list fresh, evenly spaced keys in its current order.
    const i = Math.max(0, Math.min(index, siblings.length))
    const keys = generateNKeysBetween(null, null, siblings.length + 1)
    siblings.forEach((s, j) => rekey(s.id, keys[j < i ? j : j + 1] as string))
    return keys[i] as string
  }
}

function keyAt(
  siblings: readonly Ordered[],
  index: number,
  rekey: (id: string, key: string) => void,
): string {
  const list = repairInvalidKeys(siblings, rekey)
  const i = Math.max(0, Math.min(index, list.length))
  const before = i > 0 ? (list[i - 1]?.order ?? null) : null
  const after = i < list.length ? (list[i]?.order ?? null) : null
  if (before === null || after === null || before < after) {
    return generateKeyBetween(before, after)
  }
  // Neighbours collide: place the new key after `before`, then push the colliding tail after it.
  const tail = list.slice(i)
  const firstAbove = (k: string): string | null => tail.find((s) => s.order > k)?.order ?? null
  const key = generateKeyBetween(before, firstAbove(before))
  let prev = key
  for (const s of tail) {
    if (s.order > prev) break
    const fresh = generateKeyBetween(prev, firstAbove(prev))
    rekey(s.id, fresh)
    prev = fresh
  }
  return key
}

/**
 * Siblings whose stored key is invalid (read as `''`, so sorted first) get valid keys before the
 * first valid one, in their current order, so that keys can be generated around them.
 */
function repairInvalidKeys(
  siblings: readonly Ordered[],
  rekey: (id: string, key: string) => void,
): Ordered[] {
  const list = siblings.map((s) => ({ id: s.id, order: s.order }))
  const invalid = list.filter((s) => !isValidOrderKey(s.order))
  if (invalid.length === 0) return list
  const firstValid = list.find((s) => isValidOrderKey(s.order))?.order ?? null
  const keys = generateNKeysBetween(null, firstValid, invalid.length)
  invalid.forEach((s, j) => {
    const key = keys[j] as string
    s.order = key
    rekey(s.id, key)
  })
  return list.sort(compareOrdered)
}
