import type { OkrStatus } from '../doc'
import type { SprintSummary } from './summary'

/** One cell of the OKR grid: a team's OKR and its status. */
export interface OkrCell {
  team: string
  /** `OKR 1`, `OKR 2`… in the team's order. */
  okr: string
  text: string
  status: OkrStatus
  /** Yellow or red with no action point: the template asks for one. */
  needsAction: boolean
}

/** Every team's OKRs with their statuses, for the red / yellow / green grid. */
export function okrGrid(sprint: SprintSummary): OkrCell[] {
  return sprint.teams.flatMap((t) =>
    t.okrs.map((o, i) => ({
      team: t.name || 'Untitled team',
      okr: `OKR ${i + 1}`,
      text: o.text,
      status: o.status,
      needsAction: (o.status === 'yellow' || o.status === 'red') && o.actionPoints === 0,
    })),
  )
}

/** How much of a list (High or Low priority) of last sprint a team marked done in its retro. */
export interface RetroShare {
  team: string
  /** The list the items came from (`High priority`), or `Last sprint` when it is unknown. */
  list: string
  done: number
  total: number
  /** `done / total`, 0 when there is nothing. */
  share: number
}

/**
 * Retro completion per team: of last sprint's items in this sprint's retro, the share marked done,
 * per list they came from (found in `previous`, the previous sprint's summary, by `from`). Without
 * the previous sprint on this device the items count under one `Last sprint` row.
 */
export function retroCompletion(
  sprint: SprintSummary,
  previous: SprintSummary | undefined,
): RetroShare[] {
  const origin = new Map<string, { list: string; rank: number }>()
  for (const t of previous?.teams ?? [])
    for (const p of t.priorities) origin.set(p.id, { list: p.list, rank: p.rank })
  const out: RetroShare[] = []
  for (const t of sprint.teams) {
    const rows = new Map<string, RetroShare & { rank: number }>()
    for (const r of t.retro) {
      const from = origin.get(r.from) ?? { list: 'Last sprint', rank: 99 }
      const row = rows.get(from.list) ?? {
        team: t.name || 'Untitled team',
        list: from.list,
        rank: from.rank,
        done: 0,
        total: 0,
        share: 0,
      }
      row.total++
      if (r.status === 'done') row.done++
      row.share = row.done / row.total
      rows.set(from.list, row)
    }
    for (const { rank: _rank, ...row } of [...rows.values()].sort((a, b) => a.rank - b.rank))
      out.push(row)
  }
  return out
}

/** One person's load in a sprint: items owned per team, support-hero weeks, time off. */
export interface PersonLoad {
  handle: string
  team: string
  /** Open (not done) priority items this person owns in this team. */
  open: number
  done: number
}

/** A person's whole load across teams (what the table shows). */
export interface PersonTotal {
  handle: string
  open: number
  done: number
  heroWeeks: number
  /** What the teams wrote about this person being off (`@ana off 3-5 July`), if anything. */
  off: string
}

/** Items owned per handle and team (a row per person and team with items). */
export function personLoad(sprint: SprintSummary): PersonLoad[] {
  const rows = new Map<string, PersonLoad>()
  for (const t of sprint.teams) {
    for (const p of t.priorities) {
      for (const owner of p.owners) {
        const handle = normalHandle(owner)
        const key = `${handle}\u0000${t.id}`
        const row = rows.get(key) ?? { handle, team: t.name || 'Untitled team', open: 0, done: 0 }
        if (p.isDone) row.done++
        else row.open++
        rows.set(key, row)
      }
    }
  }
  return [...rows.values()]
}

/**
 * Everyone's load across teams, most open items first: items owned, support-hero weeks (a hero
 * per week counts one week; a single hero, the sprint's length in weeks) and what the teams wrote
 * about their time off. People who are hero or off without items are listed too.
 */
export function personTotals(sprint: SprintSummary): PersonTotal[] {
  const totals = new Map<string, PersonTotal>()
  const get = (handle: string): PersonTotal => {
    const cur = totals.get(handle) ?? { handle, open: 0, done: 0, heroWeeks: 0, off: '' }
    totals.set(handle, cur)
    return cur
  }
  for (const row of personLoad(sprint)) {
    const t = get(row.handle)
    t.open += row.open
    t.done += row.done
  }
  const weeks = sprintWeeks(sprint.startDate, sprint.endDate)
  for (const team of sprint.teams) {
    const perWeek = team.heroes.some((h) => h.label !== '')
    for (const h of team.heroes) {
      if (h.handle.trim() === '') continue
      get(normalHandle(h.handle)).heroWeeks += perWeek ? 1 : weeks
    }
    for (const mention of team.offDuring.matchAll(/@([A-Za-z0-9-]+)/g)) {
      const t = get(normalHandle(mention[1] ?? ''))
      const said = team.offDuring.trim()
      if (!t.off.includes(said)) t.off = t.off ? `${t.off}; ${said}` : said
    }
  }
  return [...totals.values()].sort(
    (a, b) => b.open - a.open || b.heroWeeks - a.heroWeeks || (a.handle < b.handle ? -1 : 1),
  )
}

function normalHandle(h: string): string {
  return `@${h.replace(/^@/, '').toLowerCase()}`
}

/** Whole weeks between two ISO dates (at least 1). */
export function sprintWeeks(start: string, end: string): number {
  const s = Date.parse(`${start}T00:00:00Z`)
  const e = Date.parse(`${end}T00:00:00Z`)
  if (!Number.isFinite(s) || !Number.isFinite(e) || e < s) return 1
  return Math.max(1, Math.round((e - s) / (7 * 86_400_000)))
}

/** One sprint's figures for one team, a point of the trend charts. */
export interface TrendPoint {
  sprint: string
  startDate: string
  team: string
  /** Share of the team's top-level priority items checked done in that sprint. */
  completion: number
  /** Items carried over into that sprint's hang-over list. */
  carriedOver: number
  /** OKRs whose status differs from the OKR they were carried from. */
  okrChanges: number
}

/** The trends across sprints (oldest first): one point per sprint and team. */
export function trends(sprints: readonly SprintSummary[]): TrendPoint[] {
  const byId = new Map(sprints.map((s) => [s.id, s]))
  const sorted = [...sprints].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
  return sorted.flatMap((s) => {
    const prevOkrs = new Map<string, OkrStatus>()
    for (const t of byId.get(s.previousSprintId)?.teams ?? [])
      for (const o of t.okrs) prevOkrs.set(o.id, o.status)
    return s.teams.map((t) => {
      const top = t.priorities.filter((p) => p.depth === 0)
      const done = top.filter((p) => p.isDone).length
      return {
        sprint: s.title || s.startDate,
        startDate: s.startDate,
        team: t.name || 'Untitled team',
        completion: top.length > 0 ? done / top.length : 0,
        carriedOver: t.hangover.length,
        okrChanges: t.okrs.filter((o) => {
          const before = prevOkrs.get(o.from)
          return before !== undefined && before !== o.status
        }).length,
      }
    })
  })
}
