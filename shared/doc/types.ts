import type { ListRole, SectionKind, TemplateDefinition, TemplateSection } from '../template/types'
import type { ItemStatus } from './status'

/** Something the tolerant reader skipped or repaired, with where it was found. */
export interface Problem {
  /** Where: `items/<id>/owners`, `teams/<id>`, `meta/template`… */
  path: string
  message: string
}

/** A support hero: one person, or one per week (`label` is then e.g. `Week 1`). */
export interface SupportHero {
  label: string
  handle: string
}

export interface SprintMeta {
  id: string
  title: string
  startDate: string
  endDate: string
  createdAt: number
  schemaVersion: number
  previousSprintId: string
}

/**
 * How one list is numbered: bullets (`ordered: false`), or numbers counting up from `start`
 * (`3. …` starts at 3). Stored per list, as the team wrote it.
 */
export interface ListStyle {
  ordered: boolean
  /** The first number of an ordered list (an integer ≥ 0); 1 for bullets. */
  start: number
}

/** A plain, read-only view of one item and its children. */
export interface ItemView {
  id: string
  text: string
  owners: string[]
  /** The stored status interpreted for the section's role. */
  status: ItemStatus
  /** Rendered as a task list item (`- [ ]` / `- [x]`). */
  isTask: boolean
  /** The person the item is grouped under (`@anders`, `Anders`), or `''`. */
  group: string
  /** Id of the item this one was carried over from, or `''`. */
  from: string
  order: string
  /** How `children` are numbered. */
  list: ListStyle
  children: ItemView[]
}

/** A section of a team (or of the issue) with its items as a tree. */
export interface SectionView {
  key: string
  heading: string
  level: number
  kind: SectionKind
  role: ListRole
  /** The style of this team's list (as stored for it, else the template section's). */
  listStyle: 'bullet' | 'ordered'
  /** The first number of an ordered list. */
  listStart: number
  /** The template's definition (or the team's extra section definition). */
  definition: TemplateSection
  /** True when the section is not in the template but was added to this team. */
  isExtra: boolean
  notes: string
  items: ItemView[]
  /**
   * Whether the export writes the template's guidance comment: `false` when the team's comment
   * had none there; absent: the template's.
   */
  guidance?: boolean
  /**
   * Whether the section, while it has no items, is written with the template's placeholder:
   * `true` (the team's comment had it), `false` (filled or emptied on purpose); absent: only
   * while it has no notes either.
   */
  placeholder?: boolean
}

export interface TeamView {
  id: string
  name: string
  order: string
  heroes: SupportHero[]
  /** The support hero line as the team's comment wrote it (`''`: none kept). */
  heroText: string
  offDuring: string
  members: string[]
  sections: SectionView[]
}

/** The whole sprint as plain data: what the UI, the exporter and the tests read. */
export interface SprintView {
  meta: SprintMeta
  template: TemplateDefinition
  globalSections: SectionView[]
  teams: TeamView[]
  problems: Problem[]
}
