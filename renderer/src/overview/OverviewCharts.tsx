import { useCallback, useMemo } from 'react'
import {
  okrGrid,
  percent,
  personLoad,
  personTotals,
  retroCompletion,
  trends,
  type SprintSummary,
  type TrendPoint,
} from '../../../shared/overview'
import { ChartFigure } from './ChartFigure'
import { loadPlot, okrGridPlot, retroPlot, trendPlot } from './plots'

interface Props {
  /** The sprint charted (undefined when it could not be read). */
  focus: SprintSummary | undefined
  /** The sprints of the trends, oldest first (the focus last). */
  sprints: readonly SprintSummary[]
  previous: (id: string) => SprintSummary | undefined
}

const STATUS = { green: 'green', yellow: 'yellow', red: 'red', unset: 'no status' } as const

const TRENDS = [
  { measure: 'completion', title: 'Completion rate (priorities checked done)', label: 'done (%)' },
  { measure: 'carriedOver', title: 'Items carried over (hang-over list)', label: 'items' },
  { measure: 'okrChanges', title: 'OKR status changes since the sprint before', label: 'OKRs' },
] as const

/** The overview's charts for one sprint and the trends across `sprints`. */
export function OverviewCharts({ focus, sprints, previous }: Props) {
  const okrs = useMemo(() => (focus ? okrGrid(focus) : []), [focus])
  const retro = useMemo(
    () => (focus ? retroCompletion(focus, previous(focus.previousSprintId)) : []),
    [focus, previous],
  )
  const load = useMemo(() => (focus ? personLoad(focus) : []), [focus])
  const totals = useMemo(() => (focus ? personTotals(focus) : []), [focus])
  const points = useMemo(() => trends(sprints), [sprints])
  const drawOkrs = useCallback((w: number) => okrGridPlot(okrs, w), [okrs])
  const drawRetro = useCallback((w: number) => retroPlot(retro, w), [retro])
  const drawLoad = useCallback((w: number) => loadPlot(load, totals, w), [load, totals])
  const missing = okrs.filter((c) => c.needsAction)
  if (!focus) return <p role="alert">This sprint could not be read.</p>
  return (
    <>
      <h2 className="overview-sprint">{focus.title || 'Untitled sprint'}</h2>
      <div className="overview-grid">
        <ChartFigure
          title="OKR status per team"
          draw={drawOkrs}
          headers={['Team', 'OKR', 'Text', 'Status', 'Action point']}
          rows={okrs.map((c) => [
            c.team,
            c.okr,
            c.text,
            STATUS[c.status],
            c.needsAction ? 'missing' : '',
          ])}
          empty="No team has OKRs in this sprint."
        >
          {missing.length > 0 && (
            <div className="okr-missing">
              <h4>Yellow or red without an action point</h4>
              <ul>
                {missing.map((c) => (
                  <li key={`${c.team}/${c.okr}`}>
                    <strong>{c.team}</strong>, {c.okr} ({STATUS[c.status]}): {c.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </ChartFigure>
        <ChartFigure
          title="Retro: last sprint's priorities marked done"
          draw={drawRetro}
          headers={['Team', 'List', 'Done', 'Items', 'Share']}
          rows={retro.map((r) => [r.team, r.list, r.done, r.total, percent(r.share)])}
          empty="No retro items in this sprint (its teams started without a sprint before)."
        />
        <ChartFigure
          title="Load per person"
          draw={drawLoad}
          headers={['Person', 'Open items', 'Done items', 'Support hero (weeks)', 'Time off']}
          rows={totals.map((t) => [t.handle, t.open, t.done, t.heroWeeks, t.off])}
          empty="Nobody owns an item in this sprint yet."
        />
      </div>
      <h2 className="overview-sprint">Trends across the last {sprints.length} sprints</h2>
      <div className="overview-grid">
        {TRENDS.map((t) => (
          <TrendChart key={t.measure} points={points} {...t} />
        ))}
      </div>
    </>
  )
}

function TrendChart(props: {
  points: readonly TrendPoint[]
  measure: (typeof TRENDS)[number]['measure']
  title: string
  label: string
}) {
  const { points, measure, title, label } = props
  const draw = useCallback(
    (w: number) => trendPlot(points, measure, label, w),
    [points, measure, label],
  )
  const value = (p: TrendPoint): string | number =>
    measure === 'completion' ? percent(p.completion) : p[measure]
  return (
    <ChartFigure
      title={title}
      draw={draw}
      headers={['Sprint', 'Starts', 'Team', title]}
      rows={points.map((p) => [p.sprint, p.startDate, p.team, value(p)])}
      empty="No sprint to chart."
    />
  )
}
