import {
  BASELINE_MAX_BYTES,
  BASELINE_MAX_ITEMS,
  BASELINE_TEXT_CHARS,
  type PlanSnapshot,
  type SnapshotItem,
  type SnapshotTeam,
} from '../doc/meeting-types'
import type { ItemView, SectionView, SprintView, TeamView } from '../doc/types'

/**
 * What changed in the plan during a meeting: a small snapshot of the plan taken when the meeting
 * starts (kept in the meeting's run, so every peer's summary is the same), compared with the plan
 * at the end. Only the teams' plans: the issue's global sections are not the meeting's.
 */

/**
 * The plan as it stands, small enough to keep in the document: at most `BASELINE_MAX_ITEMS`
 * items within `BASELINE_MAX_BYTES` (texts cut shorter in a big sprint; an edit past the cut is
 * still seen through the text's hash); items beyond are counted in `omitted`.
 */
export function snapshotPlan(view: Pick<SprintView, 'teams'>): PlanSnapshot {
  const teams: SnapshotTeam[] = view.teams.map((t) => ({
    id: t.id,
    name: t.name.slice(0, 400),
    heroes: t.heroes
      .filter((h) => h.handle !== '')
      .map((h) => h.handle.slice(0, 64))
      .slice(0, 20),
    offDuring: t.offDuring.slice(0, 2000),
  }))
  const all: SnapshotItem[] = []
  for (const t of view.teams) {
    for (const s of t.sections) {
      walk(s.items, '', (item, parent) => {
        all.push({
          id: item.id,
          team: t.id,
          section: s.key,
          parent,
          text: item.text,
          hash: textHash(item.text),
          status: item.status,
          owners: item.owners.slice(0, 50).map((o) => o.slice(0, 64)),
        })
      })
    }
  }
  const fit = (cut: number): SnapshotItem[] =>
    all.slice(0, BASELINE_MAX_ITEMS).map((i) => ({ ...i, text: i.text.slice(0, cut) }))
  let items = fit(BASELINE_TEXT_CHARS)
  for (const cut of [BASELINE_TEXT_CHARS / 2, BASELINE_TEXT_CHARS / 4]) {
    if (byteSize({ teams, items }) <= BASELINE_MAX_BYTES) break
    items = fit(cut)
  }
  // Still too big with short texts: the last items are left out.
  while (items.length > 0 && byteSize({ teams, items }) > BASELINE_MAX_BYTES) {
    items = items.slice(0, Math.floor(items.length * 0.9))
  }
  const snapshot: PlanSnapshot = { teams, items }
  const omitted = all.length - snapshot.items.length
  return omitted > 0 ? { ...snapshot, omitted } : snapshot
}

function byteSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).byteLength
}

/** What changed in one team, as sentences (newest state quoted). */
export interface TeamChanges {
  teamId: string
  name: string
  lines: string[]
}

/** Most lines listed per team; the rest are counted ("and 4 more changes"). */
export const MAX_CHANGE_LINES = 20

/**
 * The changes of every team between `baseline` and `view`, in the current team order, then the
 * teams removed since. Teams with no change are listed with no lines.
 */
export function planChanges(
  baseline: PlanSnapshot,
  view: Pick<SprintView, 'teams'>,
): TeamChanges[] {
  const before = new Map(baseline.items.map((i) => [i.id, i]))
  // Items left out of a big baseline would all read as added: only changes to the rest are told.
  const isPartial = (baseline.omitted ?? 0) > 0
  const now = new Set<string>()
  for (const t of view.teams) for (const s of t.sections) walk(s.items, '', (i) => now.add(i.id))
  const out: TeamChanges[] = view.teams.map((team) => {
    const old = baseline.teams.find((t) => t.id === team.id)
    const lines = old ? teamFieldChanges(old, team) : ['New team']
    for (const s of team.sections) {
      walk(s.items, '', (item, parent) => {
        lines.push(...itemChanges(before.get(item.id), item, { parent, s, team, isPartial }))
      })
    }
    for (const b of baseline.items) {
      // An item moved to another team is told there ("Moved in"), not as removed here.
      if (b.team === team.id && !now.has(b.id)) {
        lines.push(`Removed from ${headingOf(team, b.section)}: ${quote(b.text)}`)
      }
    }
    return { teamId: team.id, name: team.name, lines: capped(lines) }
  })
  const gone = baseline.teams.filter((t) => !view.teams.some((v) => v.id === t.id))
  for (const t of gone) out.push({ teamId: t.id, name: t.name, lines: ['Team removed'] })
  return out
}

function teamFieldChanges(old: SnapshotTeam, team: TeamView): string[] {
  const lines: string[] = []
  if (old.name !== team.name) lines.push(`Renamed from ${quote(old.name)}`)
  const heroes = team.heroes.filter((h) => h.handle !== '').map((h) => h.handle)
  if (heroes.join(',') !== old.heroes.join(',')) {
    lines.push(`Support hero: ${handles(old.heroes)} → ${handles(heroes)}`)
  }
  if (old.offDuring.trim() !== team.offDuring.trim()) {
    lines.push(`Off during the sprint: ${team.offDuring.trim() ? quote(team.offDuring) : 'nobody'}`)
  }
  return lines
}

function itemChanges(
  b: SnapshotItem | undefined,
  item: ItemView,
  where: { parent: string; s: SectionView; team: TeamView; isPartial: boolean },
): string[] {
  const { parent, s, team, isPartial } = where
  const text = quote(item.text)
  if (!b) return item.text.trim() === '' || isPartial ? [] : [`Added to ${s.heading}: ${text}`]
  const lines: string[] = []
  if (b.team !== team.id) lines.push(`Moved in to ${s.heading}: ${text}`)
  else if (b.section !== s.key)
    lines.push(`Moved from ${headingOf(team, b.section)} to ${s.heading}: ${text}`)
  else if (b.parent !== parent) lines.push(`Nested differently: ${text}`)
  if (b.status !== item.status) lines.push(`${text}: ${statusWords(s.role, item.status)}`)
  if (b.owners.join(',') !== item.owners.join(',')) {
    lines.push(`Owners of ${text}: ${handles(b.owners)} → ${handles(item.owners)}`)
  }
  if (b.hash !== textHash(item.text)) lines.push(`Edited: ${text}`)
  return lines
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  done: 'marked done',
  partly: 'marked partly done',
  notDone: 'marked not done',
  dropped: 'marked dropped',
  unmarked: 'mark taken back',
  reprioritised: 're-prioritised',
  deprioritised: 'deprioritised',
  undecided: 'decision taken back',
  green: 'now green',
  yellow: 'now yellow',
  red: 'now red',
  unset: 'status taken back',
  checked: 'checked',
  unchecked: 'unchecked',
}

function statusWords(_role: SectionView['role'], status: string): string {
  return STATUS_WORDS[status] ?? `now ${status}`
}

function headingOf(team: TeamView, sectionKey: string): string {
  return team.sections.find((s) => s.key === sectionKey)?.heading ?? sectionKey
}

function handles(list: readonly string[]): string {
  return list.length ? list.map((h) => `@${h}`).join(' ') : 'none'
}

function capped(lines: string[]): string[] {
  if (lines.length <= MAX_CHANGE_LINES) return lines
  const rest = lines.length - (MAX_CHANGE_LINES - 1)
  return [...lines.slice(0, MAX_CHANGE_LINES - 1), `and ${rest} more changes`]
}

function walk(
  items: readonly ItemView[],
  parent: string,
  fn: (item: ItemView, parent: string) => void,
): void {
  for (const i of items) {
    fn(i, parent)
    walk(i.children, i.id, fn)
  }
}

/** Longest item text quoted in a change line. */
const QUOTE_CHARS = 80

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return `“${t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS - 1)}…` : t}”`
}

/** FNV-1a over the text's UTF-16 code units: the same number on every peer. */
export function textHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}
