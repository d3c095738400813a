/** One figure of the closing summary: the app's value against the bare baseline's. */
export interface Figure {
  name: string
  app: number
  bare: number
  unit: string
}

const figures: Figure[] = []

/** Records a figure for the summary table `bench/run.ts` prints after every benchmark. */
export function addFigure(figure: Figure): void {
  figures.push(figure)
}

/**
 * The closing summary: one line per figure, `Pn name | app … | bare … | r×` (r = app / bare),
 * numbered in the order the benchmarks recorded them. Empty when none recorded any.
 */
export function summaryLines(): string[] {
  const f = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1))
  return figures.map(
    (x, i) =>
      `P${i + 1} ${x.name} | app ${f(x.app)} ${x.unit} | bare ${f(x.bare)} ${x.unit} | ${(x.app / x.bare).toFixed(2)}×`,
  )
}
