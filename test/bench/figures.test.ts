import { describe, expect, it } from 'vitest'
import { percentile } from '../../bench/figures'

describe('percentile', () => {
  it('takes the nearest rank: the smallest value with at least p% of the values at or below it', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1)
    expect(percentile(xs, 50)).toBe(10)
    expect(percentile(xs, 95)).toBe(19)
    expect(percentile(xs, 100)).toBe(20)
    expect(percentile(xs, 0)).toBe(1)
  })

  it('is NaN for no values', () => {
    expect(percentile([], 95)).toBeNaN()
  })
})
