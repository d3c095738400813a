import * as Y from 'yjs'

/**
 * Stored-state lag, computed in Node from what the storage probe read in the page
 * (storage-probe.ts): for each sample, the characters the field held against the characters
 * the rows of IndexedDB held at that moment, decoded with Yjs into a fresh Y.Doc.
 */

/** One read of the updates store: when it ran, the field's length then, the row keys it saw. */
export interface StoreSample {
  /** `performance.now()` of the page when the read's last request answered. */
  at: number
  fieldLength: number
  keys: number[]
}

/** A sample with the text length decoded from its rows. */
export interface StoredPoint {
  at: number
  typed: number
  stored: number
}

/**
 * Decodes every sample: its rows merged (`Y.mergeUpdates`) and applied to a fresh Y.Doc, then
 * `textLength` of that doc. Throws when a sample names a row that was never read (a probe bug,
 * not something to average over).
 */
export function decodeSamples(
  samples: readonly StoreSample[],
  rows: ReadonlyMap<number, Uint8Array>,
  textLength: (doc: Y.Doc) => number,
): StoredPoint[] {
  const cache = new Map<string, number>()
  return samples.map((s) => {
    const id = s.keys.join(',')
    let stored = cache.get(id)
    if (stored === undefined) {
      const updates = s.keys.map((k) => {
        const row = rows.get(k)
        if (!row) throw new Error(`the probe saw row ${k} but never read its bytes`)
        return row
      })
      const doc = new Y.Doc()
      if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates))
      stored = textLength(doc)
      doc.destroy()
      cache.set(id, stored)
    }
    return { at: s.at, typed: s.fieldLength, stored }
  })
}

/** What one burst of typing left behind in the store. */
export interface LagReport {
  keys: number
  /** Keys per second, from the first to the last keydown the page saw. */
  rate: number
  /** Lag of each sample taken between the first and the last key, ms, ascending. */
  burst: number[]
  /**
   * From the last key to the first sample holding everything the field held, ms; undefined
   * when no sample after the last key did.
   */
  drainMs: number | undefined
}

/**
 * The lag of each sample: (typed − stored characters) / the measured key rate. `keydowns` are
 * the page's times of the burst's keys (ascending, at least two).
 */
export function lagReport(keydowns: readonly number[], points: readonly StoredPoint[]): LagReport {
  const first = keydowns[0]
  const last = keydowns.at(-1)
  if (first === undefined || last === undefined || keydowns.length < 2 || last <= first) {
    throw new Error(`a burst needs two keydowns or more at different times (${keydowns.length})`)
  }
  const perMs = (keydowns.length - 1) / (last - first)
  const lag = (p: StoredPoint): number => Math.max(0, p.typed - p.stored) / perMs
  const burst = points
    .filter((p) => p.at >= first && p.at <= last)
    .map(lag)
    .sort((a, b) => a - b)
  const done = points.find((p) => p.at > last && p.stored >= p.typed)
  return {
    keys: keydowns.length,
    rate: perMs * 1000,
    burst,
    drainMs: done === undefined ? undefined : done.at - last,
  }
}
