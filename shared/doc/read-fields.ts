import * as Y from 'yjs'
import type { Problem, SupportHero } from './types'
import { isValidOrderKey } from './order'

/**
 * Small tolerant field readers shared by the readers: each returns a fallback and records a
 * problem when a value written by a buggy or hostile peer has the wrong shape. None throws.
 */

export function readString(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
  fallback = '',
): string {
  const v = map.get(key)
  if (v === undefined) return fallback
  if (typeof v === 'string') return v
  if (v instanceof Y.Text) return v.toString()
  problems.push({ path: `${path}/${key}`, message: `expected a string, found ${describe(v)}` })
  return fallback
}

export function readNumber(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
  fallback = 0,
): number {
  const v = map.get(key)
  if (v === undefined) return fallback
  if (typeof v === 'number' && Number.isFinite(v)) return v
  problems.push({ path: `${path}/${key}`, message: `expected a number, found ${describe(v)}` })
  return fallback
}

export function readBoolean(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
): boolean {
  const v = map.get(key)
  if (v === undefined) return false
  if (typeof v === 'boolean') return v
  problems.push({ path: `${path}/${key}`, message: `expected a boolean, found ${describe(v)}` })
  return false
}

/** A list of strings; non-string entries are skipped and reported. */
export function readStringList(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
): string[] {
  const v = map.get(key)
  if (v === undefined) return []
  const list = v instanceof Y.Array ? (v.toArray() as unknown[]) : v
  if (!Array.isArray(list)) {
    problems.push({ path: `${path}/${key}`, message: `expected a list, found ${describe(v)}` })
    return []
  }
  const out: string[] = []
  for (const entry of list) {
    if (typeof entry === 'string') out.push(entry)
    else problems.push({ path: `${path}/${key}`, message: `skipped a ${describe(entry)} entry` })
  }
  return out
}

export function readOrder(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
): string {
  const v = map.get(key)
  if (isValidOrderKey(v)) return v
  problems.push({ path: `${path}/${key}`, message: `invalid order key ${describe(v)}` })
  // Sorts before every valid key ('a0' family) but deterministic; the id then breaks ties.
  return ''
}

export function readHeroes(
  map: Y.Map<unknown>,
  key: string,
  path: string,
  problems: Problem[],
): SupportHero[] {
  const v = map.get(key)
  if (v === undefined) return []
  if (!Array.isArray(v)) {
    problems.push({ path: `${path}/${key}`, message: `expected a list, found ${describe(v)}` })
    return []
  }
  const out: SupportHero[] = []
  for (const entry of v as unknown[]) {
    if (
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { handle?: unknown }).handle === 'string'
    ) {
      const e = entry as { handle: string; label?: unknown }
      out.push({ handle: e.handle, label: typeof e.label === 'string' ? e.label : '' })
    } else {
      problems.push({ path: `${path}/${key}`, message: `skipped a malformed support hero` })
    }
  }
  return out
}

/** A short description of a value's type for problem messages (never the value itself). */
export function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Y.AbstractType) return v.constructor.name
  if (v instanceof Uint8Array) return 'binary'
  return typeof v
}

/**
 * A Y.Map's entries sorted by key. Y.Map iteration order differs between peers (it follows local
 * insertion), so readers iterate in key order to report problems identically everywhere.
 */
export function sortedEntries<T>(map: Y.Map<T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
