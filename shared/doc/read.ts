import * as Y from 'yjs'
import {
  defaultTemplate,
  listRoleOf,
  sectionKindOf,
  templateDefinitionSchema,
  templateSectionSchema,
  type TemplateDefinition,
  type TemplateSection,
} from '../template'
import {
  GLOBAL_TEAM,
  META,
  TEAM,
  TEAM_SECTION,
  extraSectionsMap,
  listKey,
  listsMap,
  metaMap,
  noteKey,
  notesMap,
  teamsMap,
} from './schema'
import { statusForRole } from './status'
import { readListStyle } from './list-style'
import { effectiveSections } from './template-sections'
import type { ItemView, Problem, SectionView, SprintMeta, SprintView, TeamView } from './types'
import { compareOrdered } from './order'
import {
  describe,
  sortedEntries,
  readHeroes,
  readNumber,
  readOrder,
  readString,
  readStringList,
} from './read-fields'
import { childrenIndex, placeItems, readRawItems, rootKey, type PlacedItem } from './read-items'

/**
 * Reads the whole sprint into a plain, typed view. Never throws: values of the wrong shape (from a
 * buggy or hostile peer, or a newer version) are skipped or replaced by a fallback, and each is
 * reported in `problems`. Unknown section kinds and roles read as plain lists.
 */
export function readSprint(doc: Y.Doc): SprintView {
  const problems: Problem[] = []
  const meta = readMeta(doc, problems)
  const template = readTemplate(doc, problems)
  const placed = placeItems(readRawItems(doc, problems), problems)
  const index = childrenIndex(placed)
  const notes = readNotes(doc, problems)
  const teams = readTeams(doc, problems)
  const lists = listsMap(doc)
  const teamIds = new Set(teams.map((t) => t.id))
  const seenRoots = new Set<string>()

  const section = (
    teamId: string,
    def: TemplateSection,
    isExtra: boolean,
    forms?: ReadonlyMap<string, boolean>,
  ): SectionView => {
    const key = rootKey(teamId, def.key)
    const guidance = forms?.get(TEAM_SECTION.guidance + def.key)
    const placeholder = forms?.get(TEAM_SECTION.placeholder + def.key)
    seenRoots.add(key)
    const role = listRoleOf(def)
    const lk = listKey(teamId, def.key)
    const style = readListStyle(lists.get(lk), `lists/${lk}`, problems)
    return {
      key: def.key,
      heading: def.heading,
      level: def.level,
      kind: sectionKindOf(def),
      role,
      listStyle: (style?.ordered ?? def.listStyle === 'ordered') ? 'ordered' : 'bullet',
      listStart: style?.start ?? 1,
      definition: def,
      isExtra,
      notes: notes.get(noteKey(teamId, def.key)) ?? '',
      items: buildTree(index.get(key) ?? [], index, (s) => statusForRole(role, s)),
      ...(guidance !== undefined ? { guidance } : {}),
      ...(placeholder !== undefined ? { placeholder } : {}),
    }
  }

  const formsByTeam = new Map(teams.map((t) => [t.id, t.forms]))
  const teamViews = teams.map(({ forms, ...t }) => {
    const extras = readExtraSections(doc, t.id, problems)
    const sections = mergeSections(template.sections, extras).map(({ def, isExtra }) =>
      section(t.id, def, isExtra, forms),
    )
    return { ...t, sections }
  })
  // The issue's own sections beyond the template's (kept from an import, added in its panel)
  // are extra sections of the global team, placed like a team's.
  const globalExtras = readExtraSections(doc, GLOBAL_TEAM, problems)
  const globalSections = mergeSections(template.issue?.sections ?? [], globalExtras).map(
    ({ def, isExtra }) => section(GLOBAL_TEAM, def, isExtra),
  )

  // Items whose section exists nowhere (a newer template, a removed section, a buggy peer) are
  // kept visible in an extra plain section of their team (or of the issue), never hidden.
  const teamById = new Map(teamViews.map((t) => [t.id, t]))
  for (const item of placed.values()) {
    if (item.effectiveParent !== '') continue
    const key = rootKey(item.effectiveTeam, item.effectiveSection)
    if (seenRoots.has(key)) continue
    seenRoots.add(key)
    const isGlobal = item.effectiveTeam === GLOBAL_TEAM
    const team = teamById.get(item.effectiveTeam)
    if (!team && !isGlobal) {
      if (!teamIds.has(item.effectiveTeam)) {
        problems.push({
          path: `items/${item.id}/team`,
          message: 'item of a team that no longer exists; hidden',
        })
      }
      continue
    }
    problems.push({
      path: `items/${item.id}/section`,
      message: `unknown section "${item.effectiveSection.slice(0, 80)}"; shown as a plain list`,
    })
    const def: TemplateSection = {
      key: item.effectiveSection,
      heading: item.effectiveSection.slice(0, 200) || 'Untitled section',
      level: isGlobal ? 2 : 3,
      kind: 'list',
      role: 'plain',
      listStyle: 'bullet',
    }
    if (team) team.sections.push(section(team.id, def, true, formsByTeam.get(team.id)))
    else globalSections.push(section(GLOBAL_TEAM, def, true))
  }
  return { meta, template, globalSections, teams: teamViews, problems }
}

function buildTree(
  list: PlacedItem[],
  index: Map<string, PlacedItem[]>,
  status: (stored: unknown) => ItemView['status'],
): ItemView[] {
  return list.map((item) => ({
    id: item.id,
    text: item.text,
    owners: item.owners,
    status: status(item.status),
    isTask: item.isTask,
    group: item.group,
    from: item.from,
    order: item.order,
    list: item.list,
    children: buildTree(index.get(item.id) ?? [], index, status),
  }))
}

/** Reads the sprint's meta fields tolerantly. */
export function readMeta(doc: Y.Doc, problems: Problem[] = []): SprintMeta {
  const m = metaMap(doc)
  return {
    id: readString(m, META.id, 'meta', problems),
    title: readString(m, META.title, 'meta', problems),
    startDate: readString(m, META.startDate, 'meta', problems),
    endDate: readString(m, META.endDate, 'meta', problems),
    createdAt: readNumber(m, META.createdAt, 'meta', problems),
    schemaVersion: readNumber(m, META.schemaVersion, 'meta', problems),
    previousSprintId: readString(m, META.previousSprintId, 'meta', problems),
  }
}

/**
 * Reads the sprint's copy of its template, with the edits of its sections applied (see
 * `template-sections.ts`). A missing or unreadable template falls back to the default one;
 * single malformed sections are skipped.
 */
export function readTemplate(doc: Y.Doc, problems: Problem[] = []): TemplateDefinition {
  const base = readBaseTemplate(doc, problems)
  return {
    ...base,
    sections: effectiveSections(doc, 'team', base.sections, problems),
    ...(base.issue
      ? {
          issue: {
            ...base.issue,
            sections: effectiveSections(doc, 'issue', base.issue.sections, problems),
          },
        }
      : {}),
  }
}

/** The template as stored in `meta`, without the edits of its sections. */
export function readBaseTemplate(doc: Y.Doc, problems: Problem[] = []): TemplateDefinition {
  const raw: unknown = metaMap(doc).get(META.template)
  if (raw === undefined) return defaultTemplate()
  const sectionsOf = (v: unknown, path: string): TemplateSection[] => {
    if (!Array.isArray(v)) return []
    const out: TemplateSection[] = []
    const keys = new Set<string>()
    v.forEach((s: unknown, i) => {
      const parsed = templateSectionSchema.safeParse(s)
      if (parsed.success && !keys.has(parsed.data.key)) {
        keys.add(parsed.data.key)
        out.push(parsed.data)
      } else
        problems.push({ path: `${path}/${i}`, message: 'skipped a malformed or duplicate section' })
    })
    return out
  }
  if (typeof raw !== 'object' || raw === null) {
    problems.push({ path: 'meta/template', message: `expected a template, found ${describe(raw)}` })
    return defaultTemplate()
  }
  const r = raw as Record<string, unknown>
  const issue = r.issue as Record<string, unknown> | undefined
  const candidate = {
    ...r,
    sections: sectionsOf(r.sections, 'meta/template/sections'),
    issue:
      typeof issue === 'object' && issue !== null
        ? { ...issue, sections: sectionsOf(issue.sections, 'meta/template/issue/sections') }
        : undefined,
  }
  const parsed = templateDefinitionSchema.safeParse(candidate)
  if (parsed.success) return parsed.data
  problems.push({ path: 'meta/template', message: 'unreadable template; using the default one' })
  return defaultTemplate()
}

type TeamFields = Omit<TeamView, 'sections'> & { forms: Map<string, boolean> }

function readTeams(doc: Y.Doc, problems: Problem[]): TeamFields[] {
  const out: TeamFields[] = []
  for (const [id, value] of sortedEntries<unknown>(teamsMap(doc) as Y.Map<unknown>)) {
    if (id === GLOBAL_TEAM) {
      problems.push({ path: 'teams/', message: 'skipped a team with an empty id (reserved)' })
      continue
    }
    if (!(value instanceof Y.Map)) {
      problems.push({
        path: `teams/${id}`,
        message: `expected a team map, found ${describe(value)}`,
      })
      continue
    }
    const m = value as Y.Map<unknown>
    const path = `teams/${id}`
    out.push({
      id,
      name: readString(m, TEAM.name, path, problems),
      order: readOrder(m, TEAM.order, path, problems),
      heroes: readHeroes(m, TEAM.heroes, path, problems),
      heroText: readString(m, TEAM.heroText, path, problems),
      offDuring: readString(m, TEAM.offDuring, path, problems),
      members: readStringList(m, TEAM.members, path, problems),
      forms: readSectionForms(m, path, problems),
    })
  }
  return out.sort(compareOrdered)
}

/** A team's per-section forms (`guidance/retro` → false); a non-boolean is reported, skipped. */
function readSectionForms(
  team: Y.Map<unknown>,
  path: string,
  problems: Problem[],
): Map<string, boolean> {
  const out = new Map<string, boolean>()
  const prefixes = Object.values(TEAM_SECTION)
  team.forEach((v, key) => {
    if (!prefixes.some((p) => key.startsWith(p))) return
    if (typeof v === 'boolean') out.set(key, v)
    else
      problems.push({ path: `${path}/${key}`, message: `expected a boolean, found ${describe(v)}` })
  })
  return out
}

function readNotes(doc: Y.Doc, problems: Problem[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of sortedEntries<unknown>(notesMap(doc) as Y.Map<unknown>)) {
    if (value instanceof Y.Text) out.set(key, value.toString())
    else if (typeof value === 'string') out.set(key, value)
    else problems.push({ path: `notes/${key}`, message: `expected text, found ${describe(value)}` })
  }
  return out
}

/** An extra section of one team: a section definition plus where it goes. */
export interface ExtraSection {
  def: TemplateSection
  /** Key of the section it follows (`''`: before the first). */
  after: string
  order: string
}

/** At most this many extra sections per team are read (a hostile peer could write thousands). */
export const MAX_EXTRA_SECTIONS = 200

/** Reads the extra sections of one team tolerantly. */
export function readExtraSections(
  doc: Y.Doc,
  teamId: string,
  problems: Problem[] = [],
): ExtraSection[] {
  const m: unknown = extraSectionsMap(doc).get(teamId)
  if (m === undefined) return []
  if (!(m instanceof Y.Map)) {
    problems.push({
      path: `extraSections/${teamId}`,
      message: `expected a map, found ${describe(m)}`,
    })
    return []
  }
  const out: ExtraSection[] = []
  const entries = sortedEntries<unknown>(m as Y.Map<unknown>)
  if (entries.length > MAX_EXTRA_SECTIONS) {
    problems.push({
      path: `extraSections/${teamId}`,
      message: `${entries.length} extra sections; only the first ${MAX_EXTRA_SECTIONS} are shown`,
    })
  }
  for (const [key, value] of entries.slice(0, MAX_EXTRA_SECTIONS)) {
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
    const parsed = templateSectionSchema.safeParse({ ...v, key })
    if (!parsed.success) {
      problems.push({
        path: `extraSections/${teamId}/${key}`,
        message: 'skipped a malformed section',
      })
      continue
    }
    out.push({
      def: parsed.data,
      after: typeof v.after === 'string' ? v.after : '',
      order: typeof v.order === 'string' ? v.order : '',
    })
  }
  return out.sort((a, b) =>
    compareOrdered({ id: a.def.key, order: a.order }, { id: b.def.key, order: b.order }),
  )
}

/** Template sections, with each extra section placed after the section it follows. */
function mergeSections(
  template: readonly TemplateSection[],
  extras: readonly ExtraSection[],
): { def: TemplateSection; isExtra: boolean }[] {
  const templateKeys = new Set(template.map((s) => s.key))
  const usable = extras.filter((e) => !templateKeys.has(e.def.key))
  const byAnchor = new Map<string, ExtraSection[]>()
  for (const e of usable) {
    const list = byAnchor.get(e.after)
    if (list) list.push(e)
    else byAnchor.set(e.after, [e])
  }
  const out: { def: TemplateSection; isExtra: boolean }[] = []
  const placed = new Set<string>()
  // Depth-first, with an explicit stack: a chain of thousands of anchors cannot overflow.
  const placeAfter = (key: string): void => {
    const stack = [...(byAnchor.get(key) ?? [])].reverse()
    for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
      if (placed.has(e.def.key)) continue
      placed.add(e.def.key)
      out.push({ def: e.def, isExtra: true })
      const next = byAnchor.get(e.def.key) ?? []
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as ExtraSection)
    }
  }
  placeAfter('')
  for (const def of template) {
    out.push({ def, isExtra: false })
    placeAfter(def.key)
  }
  // Extras whose anchor is gone (or that anchor on each other) go last, in their order.
  for (const e of usable) if (!placed.has(e.def.key)) out.push({ def: e.def, isExtra: true })
  return out
}
