import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeSamples, lagReport, type StoreSample } from '../../bench/storage-lag'
import { percentile } from '../../bench/figures'

/** Rows as y-indexeddb stores them: one per update of a doc typing `n` characters. */
function typedRows(n: number): Map<number, Uint8Array> {
  const doc = new Y.Doc()
  const rows = new Map<number, Uint8Array>()
  doc.on('update', (u: Uint8Array) => rows.set(rows.size + 1, u))
  const text = doc.getText('text')
  for (let i = 0; i < n; i++) text.insert(i, 'x')
  return rows
}

const length = (doc: Y.Doc): number => doc.getText('text').length

describe('stored-state lag', () => {
  it('decodes what each sample held from its rows, whatever their order', () => {
    const rows = typedRows(10)
    const samples: StoreSample[] = [
      { at: 0, fieldLength: 0, keys: [] },
      { at: 10, fieldLength: 4, keys: [1, 2, 3] },
      // Out of order (a trimmed store's merged row has the highest key): still 10.
      { at: 20, fieldLength: 10, keys: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] },
      // A gap: Yjs keeps what follows the missing update pending, so only 1–2 count.
      { at: 30, fieldLength: 10, keys: [1, 2, 4] },
    ]
    expect(decodeSamples(samples, rows, length).map((p) => p.stored)).toEqual([0, 3, 10, 2])
    expect(() => decodeSamples([{ at: 0, fieldLength: 1, keys: [11] }], rows, length)).toThrow(
      /row 11/,
    )
  })

  it('turns missing characters into ms at the measured key rate, and finds when the store caught up', () => {
    // 201 keys over 1,000 ms: 200 keys/s, 5 ms a key.
    const keydowns = Array.from({ length: 201 }, (_, i) => 1000 + i * 5)
    const report = lagReport(keydowns, [
      { at: 900, typed: 0, stored: 0 },
      { at: 1100, typed: 20, stored: 10 },
      { at: 1500, typed: 100, stored: 100 },
      { at: 1900, typed: 180, stored: 140 },
      { at: 2050, typed: 201, stored: 190 },
      { at: 2120, typed: 201, stored: 201 },
    ])
    expect(report.rate).toBeCloseTo(200, 6)
    expect(report.burst).toEqual([0, 50, 200])
    expect(report.drainMs).toBe(120)
    expect(percentile(report.burst, 50)).toBe(50)
    expect(percentile(report.burst, 95)).toBe(200)
  })

  it('says when the store never caught up, and refuses a burst without a rate', () => {
    const report = lagReport([0, 10], [{ at: 20, typed: 2, stored: 1 }])
    expect(report.drainMs).toBeUndefined()
    expect(() => lagReport([5], [])).toThrow(/two keydowns/)
  })
})
