import { describe, expect, it } from 'vitest'
import { addFigure, summaryLines } from '../../bench/summary'

describe("the bench's closing summary", () => {
  it('keeps the ids figures are named with, numbers the others after them, and gives each its ratio', () => {
    addFigure({
      name: 'import 50 KB',
      app: 36,
      bare: 12,
      unit: 'ms',
      bareIs: 'commonmark.js parse',
    })
    addFigure({ name: 'P2 open heavy sprint', app: 1100, bare: 200, unit: 'ms' })
    addFigure({ name: 'P5 first-screen gzip', app: 119.4, bare: 150, unit: 'KiB', bareIs: 'goal' })
    addFigure({ name: 'nothing to compare', app: 3, bare: 0, unit: 'ms', note: 'no baseline' })
    expect(summaryLines()).toEqual([
      'P6 import 50 KB | app 36.0 ms | bare 12.0 ms commonmark.js parse | 3.00×',
      'P2 open heavy sprint | app 1100 ms | bare 200 ms | 5.50×',
      'P5 first-screen gzip | app 119 KiB | bare 150 KiB goal | 0.80×',
      'P7 nothing to compare | app 3.00 ms | bare 0.00 ms | – (no baseline)',
    ])
  })
})
