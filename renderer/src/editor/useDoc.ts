import { useMemo } from 'react'
import * as Y from 'yjs'
import {
  BULLETS,
  GLOBAL_TEAM,
  ITEM,
  TEAM,
  extraSectionsMap,
  listKey,
  listStyle,
  listsMap,
  readListStyle,
  META,
  sectionEditsMap,
  getItemMap,
  getTeamMap,
  metaMap,
  readExtraSections,
  readMeta,
  readTemplate,
  teamsMap,
  type ListStyle,
  type SprintMeta,
  type SupportHero,
  compareOrdered,
} from '../../../shared/doc'
import type { TemplateDefinition, TemplateSection } from '../../../shared/template'
import { useSprint } from './sprint-context'
import { useStore, useY } from '../store/useY'
import { sectionKey } from '../store/structure-index'
import { globalSections, teamSections } from './team-sections'
import { duplicateNamedTeams } from './team-names'

type YMap = Y.Map<unknown>

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The plain fields of one item (its text is bound separately to the Y.Text). */
export interface ItemFields {
  status: unknown
  owners: string[]
  isTask: boolean
  from: string
  /** How its children are numbered. */
  list: ListStyle
  isMissing: boolean
}

function readItemFields(m: YMap | undefined): ItemFields {
  const from = m?.get(ITEM.from)
  return {
    status: m?.get(ITEM.status),
    owners: stringList(m?.get(ITEM.owners)),
    isTask: m?.get(ITEM.task) === true,
    from: typeof from === 'string' ? from : '',
    list: readListStyle(m?.get(ITEM.list), '', []) ?? BULLETS,
    isMissing: !m,
  }
}

/** One item's fields; re-renders only when this item's map changes. */
export function useItemFields(itemId: string): ItemFields {
  const { doc } = useSprint()
  const map = useMemo(() => getItemMap(doc, itemId), [doc, itemId])
  return useY(map, readItemFields)
}

/**
 * How a section's top-level list is numbered for this team: as stored for it, else as the
 * template section says (`isOrderedByDefault`). Re-renders only when the styles change.
 */
export function useListStyle(
  teamId: string,
  section: string,
  isOrderedByDefault: boolean,
): ListStyle {
  const { doc } = useSprint()
  const read = useMemo(
    () => (m: Y.Map<unknown> | undefined) =>
      readListStyle(m?.get(listKey(teamId, section)), '', []) ?? listStyle(isOrderedByDefault),
    [teamId, section, isOrderedByDefault],
  )
  return useY(listsMap(doc), read)
}

/** Child ids of a section (`parent` = '') or of an item. */
export function useChildIds(teamId: string, section: string, parent: string): readonly string[] {
  const { structure } = useSprint()
  const store = useMemo(
    () => structure.childStore(parent || sectionKey(teamId, section)),
    [structure, teamId, section, parent],
  )
  return useStore(store)
}

function readMetaOf(m: YMap | undefined): SprintMeta {
  return m?.doc ? readMeta(m.doc) : readMeta(new Y.Doc())
}

export function useMeta(): SprintMeta {
  const { doc } = useSprint()
  return useY(metaMap(doc), readMetaOf)
}

function readRawTemplate(m: YMap | undefined): unknown {
  return m?.get(META.template)
}

function readEditsStamp(m: YMap | undefined): string {
  return JSON.stringify(m?.toJSON() ?? {})
}

/**
 * The sprint's template with its section edits (the same object until the template or one of
 * its sections changes).
 */
export function useTemplate(): TemplateDefinition {
  const { doc } = useSprint()
  const raw = useY(metaMap(doc), readRawTemplate)
  const edits = useY(sectionEditsMap(doc), readEditsStamp)
  // `raw` and `edits` are what the template is read from: a new value of either reads it again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => readTemplate(doc), [doc, raw, edits])
}

function readTeamIds(m: Y.Map<YMap> | undefined): string[] {
  const out: { id: string; order: string }[] = []
  m?.forEach((v, id) => {
    // The empty id is the issue's own (GLOBAL_TEAM), never a team.
    if (v instanceof Y.Map && id !== GLOBAL_TEAM) {
      const order = v.get(TEAM.order)
      out.push({ id, order: typeof order === 'string' ? order : '' })
    }
  })
  return out.sort(compareOrdered).map((t) => t.id)
}

function readDuplicateNamed(m: Y.Map<YMap> | undefined): string[] {
  const teams: { id: string; name: string }[] = []
  m?.forEach((v, id) => {
    if (!(v instanceof Y.Map) || id === GLOBAL_TEAM) return
    const name: unknown = v.get(TEAM.name)
    teams.push({ id, name: typeof name === 'string' ? name : '' })
  })
  return [...duplicateNamedTeams(teams)].sort()
}

/** The ids of teams whose name another team also has (re-renders when that set changes). */
export function useDuplicateNamedTeams(): string[] {
  const { doc } = useSprint()
  return useY(teamsMap(doc), readDuplicateNamed, true)
}

export function useTeamIds(): string[] {
  const { doc } = useSprint()
  return useY(teamsMap(doc), readTeamIds, true)
}

export interface TeamFields {
  name: string
  heroes: SupportHero[]
  members: string[]
  offDuring: string
  heroSuggestion: string
}

function readTeamFields(m: YMap | undefined): TeamFields {
  const str = (k: string): string => {
    const v = m?.get(k)
    return typeof v === 'string' ? v : ''
  }
  const heroes = m?.get(TEAM.heroes)
  return {
    name: str(TEAM.name),
    heroes: Array.isArray(heroes)
      ? heroes
          .filter((h): h is SupportHero => typeof h === 'object' && h !== null && 'handle' in h)
          .map((h) => ({ label: String(h.label ?? ''), handle: String(h.handle) }))
      : [],
    members: stringList(m?.get(TEAM.members)),
    offDuring: str(TEAM.offDuring),
    heroSuggestion: str(TEAM.heroSuggestion),
  }
}

export function useTeam(teamId: string): TeamFields {
  const { doc } = useSprint()
  const map = useMemo(() => getTeamMap(doc, teamId), [doc, teamId])
  return useY(map, readTeamFields)
}

/**
 * The sections of a team: the template's, with the team's extra sections placed after theirs,
 * then a section for each set of items whose section is known nowhere, so none is invisible.
 */
export function useTeamSections(teamId: string): TemplateSection[] {
  const { doc, structure } = useSprint()
  const template = useTemplate()
  const withItems = useStore(useMemo(() => structure.sectionStore(teamId), [structure, teamId]))
  const extrasKey = useY(
    extraSectionsMap(doc),
    useMemo(
      () => () => JSON.stringify(readExtraSections(doc, teamId).map((e) => [e.def, e.after])),
      [doc, teamId],
    ),
    true,
  )
  return useMemo(() => {
    const extras = (JSON.parse(extrasKey) as [TemplateSection, string][]).map(([def, after]) => ({
      def,
      after,
    }))
    if (teamId === GLOBAL_TEAM)
      return globalSections(template.issue?.sections ?? [], extras, withItems)
    return teamSections(template.sections, extras, withItems)
  }, [template, extrasKey, teamId, withItems])
}
