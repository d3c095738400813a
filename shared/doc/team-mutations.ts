import * as Y from 'yjs'
import {
  GLOBAL_TEAM,
  TEAM,
  extraSectionsMap,
  getTeamMap,
  itemsMap,
  notesMap,
  teamsMap,
} from './schema'
import type { SupportHero } from './types'
import { change } from './transact'
import { compareOrdered, orderKeyAt, type Ordered } from './order'
import { readOrder } from './read-fields'
import { newId } from './ids'
import { placeItems, readRawItems, type PlacedItem } from './read-items'
import type { TemplateSection } from '../template'
import { offDuringField } from '../template/sections'
import { readExtraSections, readTemplate } from './read'

function sortedTeams(doc: Y.Doc, except?: string): Ordered[] {
  const out: Ordered[] = []
  teamsMap(doc).forEach((value: unknown, id) => {
    if (id !== except && value instanceof Y.Map) {
      out.push({ id, order: readOrder(value as Y.Map<unknown>, TEAM.order, '', []) })
    }
  })
  return out.sort(compareOrdered)
}

function rekeyTeam(doc: Y.Doc): (id: string, key: string) => void {
  return (id, key) => getTeamMap(doc, id)?.set(TEAM.order, key)
}

export interface AddTeamArgs {
  name: string
  id?: string
  /** Position among the teams (default: last). */
  index?: number
  members?: readonly string[]
}

/** Adds a team inside the caller's transaction; returns its id. */
export function addTeamIn(doc: Y.Doc, args: AddTeamArgs): string {
  const id = args.id ?? newId()
  const siblings = sortedTeams(doc)
  const order = orderKeyAt(siblings, args.index ?? siblings.length, rekeyTeam(doc))
  const team = new Y.Map<unknown>()
  team.set(TEAM.name, args.name)
  team.set(TEAM.order, order)
  team.set(TEAM.heroes, [])
  team.set(TEAM.offDuring, '')
  team.set(TEAM.members, [...(args.members ?? [])])
  teamsMap(doc).set(id, team as Y.Map<unknown>)
  return id
}

/** Adds a team (at the end unless `index` is given). Returns its id. */
export function addTeam(doc: Y.Doc, args: AddTeamArgs): string {
  return change(doc, () => addTeamIn(doc, args))
}

/** Renames a team. No-op if the team does not exist. */
export function renameTeam(doc: Y.Doc, args: { teamId: string; name: string }): void {
  change(doc, () => getTeamMap(doc, args.teamId)?.set(TEAM.name, args.name))
}

/**
 * Moves a team to `index` among the other teams: a change of its order key only, so concurrent
 * edits inside the team are untouched.
 */
export function moveTeam(doc: Y.Doc, args: { teamId: string; index: number }): void {
  change(doc, () => {
    const team = getTeamMap(doc, args.teamId)
    if (!team) return
    const order = orderKeyAt(sortedTeams(doc, args.teamId), args.index, rekeyTeam(doc))
    team.set(TEAM.order, order)
  })
}

/** Removes a team with its items, notes and extra sections. */
export function removeTeam(doc: Y.Doc, args: { teamId: string }): void {
  if (args.teamId === GLOBAL_TEAM) return
  change(doc, () => {
    teamsMap(doc).delete(args.teamId)
    deleteItemsWhere(doc, (item) => item.team === args.teamId || item.effectiveTeam === args.teamId)
    const notes = notesMap(doc)
    for (const key of [...notes.keys()]) if (key.startsWith(`${args.teamId}/`)) notes.delete(key)
    extraSectionsMap(doc).delete(args.teamId)
  })
}

/** Sets the support hero(es): one person, or one per week with a label such as `Week 1`. */
export function setSupportHeroes(
  doc: Y.Doc,
  args: { teamId: string; heroes: readonly SupportHero[] },
): void {
  change(doc, () => {
    const team = getTeamMap(doc, args.teamId)
    if (!team) return
    team.set(
      TEAM.heroes,
      args.heroes.map((h) => ({ label: h.label, handle: h.handle })),
    )
    // Edited: the line as the comment wrote it no longer says who the heroes are.
    team.delete(TEAM.heroText)
  })
}

/** Sets who is off during the sprint (free text, as teams write it). */
export function setOffDuring(doc: Y.Doc, args: { teamId: string; text: string }): void {
  change(doc, () => getTeamMap(doc, args.teamId)?.set(TEAM.offDuring, args.text))
}

/** Sets the team's members (GitHub handles, in support-hero rotation order). */
export function setMembers(doc: Y.Doc, args: { teamId: string; members: readonly string[] }): void {
  change(doc, () => getTeamMap(doc, args.teamId)?.set(TEAM.members, [...args.members]))
}

export interface AddExtraSectionArgs {
  teamId: string
  section: TemplateSection
  /** Key of the section this one follows (`''` for first). */
  after: string
  order?: string
}

/** Adds (or replaces) a section only this team has, e.g. an unknown section kept from an import. */
export function addExtraSectionIn(doc: Y.Doc, args: AddExtraSectionArgs): void {
  const all = extraSectionsMap(doc)
  let m: unknown = all.get(args.teamId)
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<unknown>()
    all.set(args.teamId, m as Y.Map<unknown>)
  }
  const { key, ...rest } = args.section
  ;(m as Y.Map<unknown>).set(key, { ...rest, after: args.after, order: args.order ?? 'a0' })
}

/** Adds (or replaces) a section only this team has. */
export function addExtraSection(doc: Y.Doc, args: AddExtraSectionArgs): void {
  change(doc, () => addExtraSectionIn(doc, args))
}

/**
 * Gives a team the "Off during the sprint" line whatever the sprint's template (only the 2025
 * templates have it): a field section of the team's own, after its support hero. No-op when the
 * team already shows one.
 */
export function addOffDuringField(doc: Y.Doc, args: { teamId: string }): void {
  change(doc, () => {
    if (!getTeamMap(doc, args.teamId)) return
    const template = readTemplate(doc)
    const extras = readExtraSections(doc, args.teamId)
    const has = (s: TemplateSection): boolean => s.field === 'offDuring'
    if (template.sections.some(has) || extras.some((e) => has(e.def))) return
    const after = template.sections.find((s) => s.field === 'supportHero')?.key ?? ''
    addExtraSectionIn(doc, { teamId: args.teamId, section: offDuringField(), after })
  })
}

/** Removes an extra section of a team together with its items and notes. */
export function removeExtraSection(doc: Y.Doc, args: { teamId: string; key: string }): void {
  change(doc, () => {
    const m: unknown = extraSectionsMap(doc).get(args.teamId)
    if (m instanceof Y.Map) m.delete(args.key)
    deleteItemsWhere(
      doc,
      (item) => item.effectiveTeam === args.teamId && item.effectiveSection === args.key,
    )
    notesMap(doc).delete(`${args.teamId}/${args.key}`)
  })
}

/** Deletes every item (by its effective place) matching `pred`, inside the caller's transaction. */
export function deleteItemsWhere(doc: Y.Doc, pred: (item: PlacedItem) => boolean): void {
  const placed = placeItems(readRawItems(doc, []), [])
  const items = itemsMap(doc)
  for (const item of placed.values()) if (pred(item)) items.delete(item.id)
}
