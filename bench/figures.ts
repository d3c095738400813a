/**
 * A figure of a benchmark for the closing summary of `npm run bench`: what the app takes against
 * a bare baseline doing the least the same job needs (e.g. the parser alone).
 */
export interface Figure {
  name: string
  /** Milliseconds the app takes. */
  app: number
  /** Milliseconds the bare baseline takes. */
  bare: number
  /** What the bare baseline is, e.g. `commonmark.js parse`. */
  bareIs: string
  /** Extra words printed after the ratio (sizes, ms per KB). */
  note?: string
}

/** The best of `runs` timings of `fn`, in ms (the least disturbed by other work). */
export function best(runs: number, fn: () => unknown): number {
  let out = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    out = Math.min(out, performance.now() - t)
  }
  return out
}

/** The median of `xs` (NaN when empty). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** The median of `runs` timings of `fn`, in ms. */
export function time(fn: () => void, runs: number): number {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return median(out)
}

/** The nearest-rank `p`th percentile of `sorted` (ascending; NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] ?? NaN
}
