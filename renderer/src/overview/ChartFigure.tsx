import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { markdownTable } from '../../../shared/overview'
import { copyText } from '../app/native'
import { useToast } from '../app/toast'

interface Props {
  title: string
  /** Draws the chart at a width (a Plot SVG or figure); called again when the width changes. */
  draw: (width: number) => Element
  /** The chart's data as a table: its text alternative and its Markdown. */
  headers: readonly string[]
  rows: readonly (readonly (string | number)[])[]
  /** What to say when there is nothing to chart. */
  empty: string
  children?: ReactNode
}

/**
 * One chart of the overview: a titled figure with the chart, its data as a table under a
 * disclosure (the text alternative), and "Copy as Markdown table" to paste it into an issue.
 */
export function ChartFigure({ title, draw, headers, rows, empty, children }: Props) {
  const id = useId()
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const toast = useToast()

  useEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.floor(entry?.contentRect.width ?? 0)),
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [rows.length])

  useLayoutEffect(() => {
    const el = box.current
    if (!el || width === 0 || rows.length === 0) return
    const chart = draw(width)
    el.replaceChildren(chart)
    return () => chart.remove()
  }, [draw, width, rows.length])

  const copy = (): void => {
    copyText(markdownTable(headers, rows)).then(
      () => toast.show({ message: `Copied “${title}” as a Markdown table` }, 3000),
      (err: unknown) => toast.show({ message: `Copy failed: ${String(err)}`, isError: true }),
    )
  }

  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption className="chart-head">
        <h3 id={id}>{title}</h3>
        <button type="button" onClick={copy} disabled={rows.length === 0}>
          Copy as Markdown table
        </button>
      </figcaption>
      {rows.length === 0 ? (
        <p className="empty-hint">{empty}</p>
      ) : (
        <div ref={box} className="chart-plot" />
      )}
      {children}
      {rows.length > 0 && (
        <details className="chart-table">
          <summary>Table of “{title}”</summary>
          <table>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  )
}
