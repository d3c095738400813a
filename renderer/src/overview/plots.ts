import * as Plot from '@observablehq/plot'
import type {
  OkrCell,
  PersonLoad,
  PersonTotal,
  RetroShare,
  TrendPoint,
} from '../../../shared/overview'

/**
 * The overview's charts, drawn by Observable Plot as SVG (axes and labels in `currentColor`, so
 * they follow the light or dark theme). Status colours are dark enough for white text on them
 * (and yellow for dark text) in both themes; each cell also carries a letter, so colour is never
 * the only cue. Every chart has an ARIA label and description; the full data is also in a table.
 */

export const STATUS_COLOURS = {
  green: '#1f7a41',
  yellow: '#e0b03a',
  red: '#c4343a',
  unset: '#6e6e7a',
} as const

const STATUS_WORDS = { green: 'green', yellow: 'yellow', red: 'red', unset: 'no status' } as const

const BASE = {
  style: { background: 'transparent', fontSize: '12px', overflow: 'visible' },
  marginLeft: 110,
} as const

/** Team × OKR grid, red / yellow / green; `!` marks a yellow or red OKR with no action point. */
export function okrGridPlot(cells: readonly OkrCell[], width: number): Element {
  const teams = [...new Set(cells.map((c) => c.team))]
  const okrs = [...new Set(cells.map((c) => c.okr))]
  return Plot.plot({
    ...BASE,
    width,
    height: 40 + 34 * Math.max(1, teams.length),
    ariaLabel: 'OKR statuses per team',
    ariaDescription: `${cells.length} OKRs of ${teams.length} teams; ${cells.filter((c) => c.needsAction).length} yellow or red without an action point`,
    x: { domain: okrs, label: null, axis: 'top' },
    y: { domain: teams, label: null },
    marks: [
      Plot.cell(cells, {
        x: 'okr',
        y: 'team',
        // The colours themselves: Plot would take the words `green`, `red`… as CSS colours.
        fill: (c: OkrCell) => STATUS_COLOURS[c.status],
        inset: 2,
        rx: 4,
        title: (c: OkrCell) =>
          `${c.team}, ${c.okr}: ${c.text} (${STATUS_WORDS[c.status]}${c.needsAction ? ', no action point' : ''})`,
      }),
      Plot.text(cells, {
        x: 'okr',
        y: 'team',
        text: (c: OkrCell) =>
          `${c.status === 'unset' ? '–' : c.status[0]?.toUpperCase()}${c.needsAction ? '!' : ''}`,
        fill: (c: OkrCell) => (c.status === 'yellow' ? '#1b1b1f' : '#ffffff'),
        fontWeight: 700,
      }),
    ],
  })
}

/** Per team, the share of each of last sprint's lists marked done in the retro. */
export function retroPlot(rows: readonly RetroShare[], width: number): Element {
  const lists = [...new Set(rows.map((r) => r.list))]
  return Plot.plot({
    ...BASE,
    width,
    ariaLabel: "Retro completion: share of last sprint's priorities marked done, per team",
    ariaDescription: rows.map((r) => `${r.team} ${r.list}: ${r.done} of ${r.total}`).join('; '),
    x: { domain: [0, 100], percent: true, label: 'marked done (%)', grid: true },
    y: { domain: lists, label: null, axis: null },
    fy: { label: null },
    color: { domain: lists, legend: true },
    marks: [
      Plot.barX(rows, { x: 'share', y: 'list', fy: 'team', fill: 'list' }),
      Plot.text(rows, {
        x: 'share',
        y: 'list',
        fy: 'team',
        text: (r: RetroShare) => `${r.done}/${r.total}`,
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  })
}

/** Open items owned per person, stacked by team; support-hero weeks and time off beside. */
export function loadPlot(
  rows: readonly PersonLoad[],
  totals: readonly PersonTotal[],
  width: number,
): Element {
  const handles = totals.map((t) => t.handle)
  const note = (t: PersonTotal): string =>
    [t.heroWeeks > 0 ? `hero ${t.heroWeeks} wk` : '', t.off ? 'off' : '']
      .filter(Boolean)
      .join(' · ')
  return Plot.plot({
    ...BASE,
    width,
    marginRight: 90,
    height: 40 + 24 * Math.max(1, handles.length),
    ariaLabel: 'Load per person: open items owned across teams',
    ariaDescription: totals.map((t) => `${t.handle}: ${t.open} open`).join('; '),
    x: {
      label: 'open items owned',
      grid: true,
      ticks: wholeTicks(Math.max(0, ...totals.map((t) => t.open))),
      tickFormat: 'd',
    },
    y: { domain: handles, label: null },
    color: { legend: true },
    marks: [
      Plot.barX(rows, { x: 'open', y: 'handle', fill: 'team' }),
      Plot.text(totals, {
        x: 'open',
        y: 'handle',
        text: note,
        dx: 6,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  })
}

/** Tick values for a count axis from 0 to `max`: whole numbers only, at most about 8. */
export function wholeTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 8))
  const out: number[] = []
  for (let v = 0; v <= Math.max(1, max); v += step) out.push(v)
  return out
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2024-07-15` → `Jul 15` (an axis of sprints stays readable). */
export function shortDate(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${MONTHS[Number(m[1]) - 1] ?? ''} ${Number(m[2])}` : iso
}

/** One trend across sprints: a line per team. */
export function trendPlot(
  points: readonly TrendPoint[],
  measure: 'completion' | 'carriedOver' | 'okrChanges',
  label: string,
  width: number,
): Element {
  const sprints = [...new Set(points.map((p) => p.startDate))]
  const isShare = measure === 'completion'
  return Plot.plot({
    ...BASE,
    width,
    marginLeft: 50,
    height: 220,
    ariaLabel: `${label} per team across the last ${sprints.length} sprints`,
    ariaDescription: points.map((p) => `${p.sprint}, ${p.team}: ${p[measure]}`).join('; '),
    x: {
      type: 'point',
      domain: sprints,
      label: 'sprint start',
      padding: 0.3,
      tickFormat: shortDate,
    },
    y: {
      label,
      grid: true,
      // Counts have whole ticks; a share goes from 0 to 100 %.
      ...(isShare
        ? { domain: [0, 100], percent: true }
        : {
            zero: true,
            ticks: wholeTicks(Math.max(0, ...points.map((p) => p[measure]))),
            tickFormat: 'd',
          }),
    },
    color: { legend: true },
    marks: [
      Plot.line(points, { x: 'startDate', y: measure, stroke: 'team', strokeWidth: 2 }),
      Plot.dot(points, {
        x: 'startDate',
        y: measure,
        fill: 'team',
        r: 3.5,
        title: (p: TrendPoint) => `${p.sprint}, ${p.team}: ${p[measure]}`,
      }),
    ],
  })
}
