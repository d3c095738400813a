/** One figure of the closing summary: the app's value against the bare baseline's. */
export interface Figure {
  name: string
  app: number
  bare: number
  unit: string
  /** What the bare baseline is, e.g. `commonmark.js parse`. */
  bareIs?: string
  /** Extra words printed after the ratio (sizes, ms per KB). */
  note?: string
}

const figures: Figure[] = []

/** Records a figure for the summary table `bench/run.ts` prints after every benchmark. */
export function addFigure(figure: Figure): void {
  figures.push(figure)
}

/**
 * The closing summary: one line per figure, `Pn name | app … | bare … | r×` (r = app / bare). A
 * figure named with its id (`P1 sync 2 peers p95`, the ids of issue 13) keeps it; the others are
 * numbered after the highest such id, in the order the benchmarks recorded them. Empty when none
 * recorded any.
 */
export function summaryLines(): string[] {
  const f = (x: number): string =>
    Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)
  const idOf = (name: string): number | undefined => {
    const m = /^P(\d+) /.exec(name)
    return m ? Number(m[1]) : undefined
  }
  let next = Math.max(0, ...figures.map((x) => idOf(x.name) ?? 0)) + 1
  return figures.map((x) => {
    const name = idOf(x.name) === undefined ? `P${next++} ${x.name}` : x.name
    return (
      `${name} | app ${f(x.app)} ${x.unit} | bare ${f(x.bare)} ${x.unit}` +
      `${x.bareIs ? ` ${x.bareIs}` : ''} | ${x.bare > 0 ? `${(x.app / x.bare).toFixed(2)}×` : '–'}` +
      (x.note ? ` (${x.note})` : '')
    )
  })
}
