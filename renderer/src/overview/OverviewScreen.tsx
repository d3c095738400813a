import { useEffect, useId, useMemo, useState } from 'react'
import type { SprintSummary } from '../../../shared/overview'
import { navigate, routeHref } from '../app/route'
import { dateRangeLabel } from '../app/dates'
import { errorText } from '../platform/errors'
import type { SprintEntry, SprintRegistry } from '../store/registry'
import { loadDoc } from '../store/sprint-actions'
import { useStore } from '../store/useY'
import { OverviewCharts } from './OverviewCharts'
import { loadSummaries } from './summary-store'
import '../styles/overview.css'

interface Props {
  registry: SprintRegistry
  /** The sprint to chart (the newest on this device when absent). */
  sprintId?: string
}

const COUNTS = [3, 6, 12] as const

type Loaded =
  { key: string; summaries: Map<string, SprintSummary> } | { key: string; error: string }

/** The sprints the overview charts: `focus` and up to `count - 1` that started before it. */
function windowOf(
  entries: readonly SprintEntry[],
  focus: SprintEntry,
  count: number,
): SprintEntry[] {
  return [...entries]
    .filter((e) => e.startDate <= focus.startDate)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .slice(-count)
}

/**
 * The Sprint overview (loaded only when opened: its own chunk with the chart library). For one
 * sprint: OKR statuses per team, retro completion, load per person; and trends across the last
 * N sprints on this device. Summaries of sprints not changed since they were last summarised are
 * read from a small store, so opening it does not load every sprint.
 */
export default function OverviewScreen({ registry, sprintId }: Props) {
  const entries = useStore(registry.store)
  const [count, setCount] = useState<number>(6)
  const [loaded, setLoaded] = useState<Loaded>()
  const [isListLoaded, setListLoaded] = useState(registry.loaded)
  const selectId = useId()
  const countId = useId()
  useEffect(() => {
    void registry.whenLoaded.then(() => setListLoaded(true))
  }, [registry])

  const focus = entries.find((e) => e.id === sprintId) ?? entries[0]
  const shown = useMemo(
    () => (focus ? windowOf(entries, focus, count) : []),
    [entries, focus, count],
  )
  const key = shown.map((e) => `${e.id}:${e.updatedAt}`).join(',')

  useEffect(() => {
    if (shown.length === 0) return
    let isCancelled = false
    // The sprint before the first one shown gives the first one's retro its High / Low lists.
    const before = entries.filter((e) => e.startDate < (shown[0]?.startDate ?? ''))
    const prior = [...before].sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0]
    loadSummaries(prior ? [prior, ...shown] : shown, loadDoc).then(
      (summaries) => !isCancelled && setLoaded({ key, summaries }),
      (err: unknown) => !isCancelled && setLoaded({ key, error: errorText(err) }),
    )
    return () => {
      isCancelled = true
    }
    // `key` stands for `shown` (ids and edit times); `entries` only gives the prior sprint.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const current = loaded?.key === key ? loaded : undefined
  return (
    <div className="overview">
      <header className="overview-header">
        <a
          className="back-link"
          href={focus ? routeHref({ screen: 'sprint', sprintId: focus.id }) : '#/'}
        >
          ‹ {focus ? 'Back to the sprint' : 'Sprints'}
        </a>
        <h1>Sprint overview</h1>
        {focus && (
          <div className="overview-controls">
            <label htmlFor={selectId}>Sprint</label>
            <select
              id={selectId}
              value={focus.id}
              onChange={(e) => navigate({ screen: 'overview', sprintId: e.target.value })}
            >
              {entries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title || 'Untitled sprint'} ({dateRangeLabel(e.startDate, e.endDate)})
                </option>
              ))}
            </select>
            <label htmlFor={countId}>Trends over</label>
            <select id={countId} value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {COUNTS.map((n) => (
                <option key={n} value={n}>
                  the last {n} sprints
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      <main className="overview-main">
        {!isListLoaded || (focus && !current) ? (
          <p className="empty-hint" aria-busy="true">
            Reading the sprints…
          </p>
        ) : !focus ? (
          <p className="empty-hint">No sprints on this device yet.</p>
        ) : current && 'error' in current ? (
          <p role="alert">Could not read the sprints: {current.error}</p>
        ) : current ? (
          <OverviewCharts
            focus={current.summaries.get(focus.id)}
            sprints={shown.flatMap((e) => current.summaries.get(e.id) ?? [])}
            previous={(id) => current.summaries.get(id)}
          />
        ) : null}
      </main>
    </div>
  )
}
