import type {
  HangoverStatus,
  ItemView,
  OkrStatus,
  RetroStatus,
  SectionView,
  SprintView,
  SupportHero,
  TeamView,
} from '../doc'

/**
 * What the Sprint overview needs of one sprint, as small plain data: read once from a sprint's
 * document ({@link summarizeSprint}) and kept, so charts across many sprints never load them all.
 */
export interface SprintSummary {
  id: string
  title: string
  startDate: string
  endDate: string
  previousSprintId: string
  teams: TeamSummary[]
}

export interface TeamSummary {
  id: string
  name: string
  members: string[]
  heroes: SupportHero[]
  offDuring: string
  /** The team's OKRs (top-level items of its OKR sections). */
  okrs: OkrSummary[]
  /** Retro entries: last sprint's priorities (by `from`), as marked in this sprint. */
  retro: { from: string; text: string; status: RetroStatus }[]
  /** Hang-over entries: last sprint's priorities that were not done. */
  hangover: { from: string; status: HangoverStatus }[]
  /** Items of the priority lists (High, Low…), nested ones included. */
  priorities: PriorityItem[]
}

export interface OkrSummary {
  id: string
  /** The OKR of the previous sprint this one was carried from (`''` if none). */
  from: string
  text: string
  status: OkrStatus
  /** Nested items: the OKR's action points. */
  actionPoints: number
}

export interface PriorityItem {
  id: string
  /** The list's heading (`High priority`). */
  list: string
  /** 0 for the team's first priority list (High), 1 for the next (Low)… */
  rank: number
  /** 0 for a top-level item. */
  depth: number
  text: string
  owners: string[]
  isDone: boolean
}

/** Reads a sprint (a {@link SprintView} from `readSprint`) into its {@link SprintSummary}. */
export function summarizeSprint(view: SprintView): SprintSummary {
  return {
    id: view.meta.id,
    title: view.meta.title,
    startDate: view.meta.startDate,
    endDate: view.meta.endDate,
    previousSprintId: view.meta.previousSprintId,
    teams: view.teams.map(summarizeTeam),
  }
}

function lists(team: TeamView, role: SectionView['role']): SectionView[] {
  return team.sections.filter((s) => s.kind === 'list' && s.role === role)
}

function summarizeTeam(team: TeamView): TeamSummary {
  const priorities: PriorityItem[] = []
  lists(team, 'plain').forEach((s, rank) => {
    const walk = (items: readonly ItemView[], depth: number): void => {
      for (const i of items) {
        if (i.text.trim() !== '') {
          priorities.push({
            id: i.id,
            list: s.heading,
            rank,
            depth,
            text: i.text,
            owners: i.owners,
            isDone: i.status === 'checked',
          })
        }
        walk(i.children, depth + 1)
      }
    }
    walk(s.items, 0)
  })
  return {
    id: team.id,
    name: team.name,
    members: team.members,
    heroes: team.heroes,
    offDuring: team.offDuring,
    okrs: lists(team, 'okr').flatMap((s) =>
      s.items
        .filter((i) => i.text.trim() !== '')
        .map((i) => ({
          id: i.id,
          from: i.from,
          text: i.text,
          status: i.status as OkrStatus,
          actionPoints: i.children.filter((c) => c.text.trim() !== '').length,
        })),
    ),
    retro: lists(team, 'retro').flatMap((s) =>
      s.items.map((i) => ({ from: i.from, text: i.text, status: i.status as RetroStatus })),
    ),
    hangover: lists(team, 'hangover').flatMap((s) =>
      s.items.map((i) => ({ from: i.from, status: i.status as HangoverStatus })),
    ),
    priorities,
  }
}
