import * as Y from 'yjs'
import type { ListRole } from '../template'
import { ITEM, META, TEAM, getItemMap, getTeamMap, itemsMap, metaMap } from './schema'
import { setSectionFormIn } from './section-form'
import { listStyle } from './list-style'
import { IMPORT_ORIGIN, TIDY_ORIGIN } from './origin'
import { change } from './transact'
import { readSprint } from './read'
import { createSprint } from './sprint-mutations'
import { addTeamIn } from './team-mutations'
import { addItemIn } from './item-mutations'
import { childrenIndex, placeItems, readRawItems, rootKey, type PlacedItem } from './read-items'
import type { ItemView, SectionView, SupportHero, TeamView } from './types'
import { newId } from './ids'
import { withoutDecision } from './status'

/** Arguments of {@link startNextSprint}. */
export interface NextSprintArgs {
  title: string
  /** ISO `YYYY-MM-DD`. */
  startDate: string
  endDate: string
  id?: string
}

/**
 * The support hero to suggest for the next sprint: the member after the last hero of the previous
 * sprint in the members' rotation order (wrapping around); the first member when the previous
 * hero is not a member (or there was none); `''` when the team has no members.
 */
export function suggestSupportHero(
  members: readonly string[],
  previousHeroes: readonly SupportHero[],
): string {
  if (members.length === 0) return ''
  const norm = (h: string): string => h.replace(/^@/, '').toLowerCase()
  const last = previousHeroes.at(-1)?.handle ?? ''
  const i = members.findIndex((m) => norm(m) === norm(last))
  return (i < 0 ? members[0] : members[(i + 1) % members.length]) ?? ''
}

function sectionsWithRole(team: TeamView, role: ListRole): SectionView[] {
  return team.sections.filter((s) => s.kind !== 'field' && s.role === role)
}

/**
 * The team's priority lists: the template's sections marked `priority` (High and Low priority);
 * in a sprint whose stored template predates the mark, its `high` and `low` sections. Lists of
 * the team's own and other plain lists (2025-Q4's "other teams impacted") are not priorities.
 */
function prioritySections(team: TeamView): SectionView[] {
  const lists = sectionsWithRole(team, 'plain').filter((s) => !s.isExtra)
  const marked = lists.filter((s) => s.definition.priority === true)
  return marked.length > 0 ? marked : lists.filter((s) => s.key === 'high' || s.key === 'low')
}

/** Done-status glyphs a plain item's text may start or end with (`✅ Ship it`). */
const DONE_GLYPH = /^(?:✅|✔️?|☑️?)\s*|\s*(?:[-–]\s*)?(?:✅|✔️?|☑️?)$/u

/** Whether a priority item was done: ticked, or marked with a done glyph in its text. */
function isDone(item: ItemView): boolean {
  return item.status === 'checked' || DONE_GLYPH.test(item.text.trim())
}

/**
 * Copies an item tree into a section of the new sprint (status kept or replaced). Only a copy
 * that stays in a list of the same kind keeps its task box (`withChildren`: OKRs); a retro or
 * hang-over entry is not a task, so it never exports as an open `- [ ]`.
 */
function copyTree(
  doc: Y.Doc,
  item: ItemView,
  place: { teamId: string; section: string; parent?: string },
  status: (item: ItemView) => ItemView['status'] | undefined,
  keepsTask: boolean,
  text: (item: ItemView) => string = (i) => i.text,
): void {
  const id = addItemIn(doc, {
    ...place,
    text: text(item),
    owners: item.owners,
    status: status(item),
    isTask: keepsTask && item.isTask,
    group: item.group,
    from: item.id,
  })
  if (item.list.ordered) setChildListStyleIn(doc, id, item.list)
  // Sub-items travel with their item (its action points, its breakdown).
  for (const child of item.children) {
    copyTree(doc, child, { ...place, parent: id }, status, keepsTask, text)
  }
}

/**
 * Starts the sprint after `prevDoc` in the empty `nextDoc`, doing the bookkeeping the template
 * asks humans to do. Each team comes over with its name, members and OKRs (statuses kept); its
 * retro section gets the items of last sprint's priority lists (High and Low priority, with
 * their sub-items), those that were done (ticked, or `✅` in their text) marked done and the
 * others unmarked; its hang-over section gets those that were not done, undecided. Support heroes
 * start empty with a suggestion (the next member in rotation, see {@link suggestSupportHero}).
 * Carried items point at their original through `from`. Runs as import transactions (not undone
 * step by step). Returns the new sprint's id. `prevDoc` is only read.
 */
export function startNextSprint(prevDoc: Y.Doc, nextDoc: Y.Doc, args: NextSprintArgs): string {
  const prev = readSprint(prevDoc)
  const id = createSprint(nextDoc, {
    id: args.id ?? newId(),
    title: args.title,
    startDate: args.startDate,
    endDate: args.endDate,
    template: prev.template,
    previousSprintId: prev.meta.id,
  })
  change(
    nextDoc,
    () => {
      for (const team of prev.teams) carryTeam(nextDoc, team)
    },
    IMPORT_ORIGIN,
  )
  return id
}

function setChildListStyleIn(doc: Y.Doc, itemId: string, style: ItemView['list']): void {
  getItemMap(doc, itemId)?.set(ITEM.list, listStyle(style.ordered, style.start))
}

function carryTeam(doc: Y.Doc, team: TeamView): void {
  const teamId = addTeamIn(doc, { name: team.name, members: team.members })
  const suggestion = suggestSupportHero(team.members, team.heroes)
  if (suggestion) getTeamMap(doc, teamId)?.set(TEAM.heroSuggestion, suggestion)
  // The team's way with guidance comments carries over; placeholders start afresh.
  for (const s of team.sections) {
    if (s.guidance === false) {
      setSectionFormIn(doc, { teamId, section: s.key, form: 'guidance', value: false })
    }
  }
  const keep = (item: ItemView): ItemView['status'] => item.status
  for (const okr of sectionsWithRole(team, 'okr')) {
    for (const item of okr.items) copyTree(doc, item, { teamId, section: okr.key }, keep, true)
  }
  const retro = sectionsWithRole(team, 'retro')[0]
  const hangover = sectionsWithRole(team, 'hangover')[0]
  // A done item arrives in Retro marked done (still changeable), its done glyph become status.
  const retroStatus = (i: ItemView): ItemView['status'] => (isDone(i) ? 'done' : 'unmarked')
  const withoutGlyph = (i: ItemView): string => i.text.trim().replace(DONE_GLYPH, '')
  for (const plain of prioritySections(team)) {
    for (const item of plain.items) {
      if (!item.text.trim()) continue
      if (retro) {
        const place = { teamId, section: retro.key }
        copyTree(doc, item, place, retroStatus, false, withoutGlyph)
      }
      if (hangover && !isDone(item)) {
        copyTree(doc, item, { teamId, section: hangover.key }, () => 'undecided', false)
      }
    }
  }
}

/** The key of the team's first priority list (High priority), else its first plain list. */
function prioritySection(doc: Y.Doc, teamId: string): string | undefined {
  const team = readSprint(doc).teams.find((t) => t.id === teamId)
  return team && (prioritySections(team)[0] ?? sectionsWithRole(team, 'plain')[0])?.key
}

function linkOf(map: Y.Map<unknown>, itemId: string): string {
  const from = map.get(ITEM.from)
  return typeof from === 'string' && from ? from : itemId
}

/** Items of the team's priority list that were created from the same original. */
function linkedCopies(doc: Y.Doc, itemId: string, section: string): string[] {
  const map = getItemMap(doc, itemId)
  if (!map) return []
  const link = linkOf(map, itemId)
  const placed = placeItems(readRawItems(doc, []), [])
  const team = placed.get(itemId)?.effectiveTeam ?? ''
  const list = childrenIndex(placed).get(rootKey(team, section)) ?? []
  return list.filter((p) => p.id !== itemId && p.from === link).map((p) => p.id)
}

/**
 * Re-prioritises a hang-over item: marks it `reprioritised` and puts a copy (its text without a
 * decision word, its owners) at the end of the team's High priority list, linked to the original
 * item through `from`. Does not add a second copy when one exists. Returns the id of the High priority item, or `undefined` when
 * the item or a priority section is missing. One local (undoable) transaction.
 */
export function reprioritiseItem(doc: Y.Doc, args: { itemId: string }): string | undefined {
  return change(doc, () => {
    const map = getItemMap(doc, args.itemId)
    const place = placeItems(readRawItems(doc, []), []).get(args.itemId)
    if (!map || !place) return undefined
    const section = prioritySection(doc, place.effectiveTeam)
    if (!section) return undefined
    map.set(ITEM.status, 'reprioritised')
    const existing = linkedCopies(doc, args.itemId, section)[0]
    if (existing) return existing
    return addItemIn(doc, {
      teamId: place.effectiveTeam,
      section,
      // The decision word of an imported hang-over item (`… - prioritised`) stays behind.
      text: withoutDecision(place.text),
      owners: place.owners,
      isTask: true,
      from: linkOf(map, args.itemId),
    })
  })
}

/**
 * Deprioritises a hang-over item: marks it `deprioritised`. A copy made by an earlier
 * {@link reprioritiseItem} is removed only if nobody changed it since (same text, no children),
 * so no one's writing is lost. One local (undoable) transaction.
 */
export function deprioritiseItem(doc: Y.Doc, args: { itemId: string }): void {
  setDecision(doc, args.itemId, 'deprioritised')
}

/**
 * Takes a hang-over item's decision back (`undecided`), removing an untouched copy the way
 * {@link deprioritiseItem} does. One local (undoable) transaction.
 */
export function undecideItem(doc: Y.Doc, args: { itemId: string }): void {
  setDecision(doc, args.itemId, 'undecided')
}

function setDecision(doc: Y.Doc, itemId: string, status: 'deprioritised' | 'undecided'): void {
  change(doc, () => {
    const map = getItemMap(doc, itemId)
    const placed = placeItems(readRawItems(doc, []), [])
    const place = placed.get(itemId)
    if (!map || !place) return
    map.set(ITEM.status, status)
    const section = prioritySection(doc, place.effectiveTeam)
    if (!section) return
    const parents = new Set([...placed.values()].map((p) => p.effectiveParent))
    for (const copyId of linkedCopies(doc, itemId, section)) {
      const copy = placed.get(copyId)
      if (copy && copy.text === withoutDecision(place.text) && !parents.has(copyId)) {
        itemsMap(doc).delete(copyId)
      }
    }
  })
}

/**
 * Two people who re-prioritise the same hang-over item at the same moment (or one of them
 * offline) each add a copy to High priority. This keeps one: where one original has several
 * copies at the top of the team's priority list and **every** one of them is still untouched (the
 * original's text without its decision word, its owners, no nested items, not checked), the copy
 * with the smallest id stays and each other copy is removed **by the peer that created it**
 * (this doc's client), who sees its own user's typing at once: nobody's writing in their own copy
 * is ever removed, the kept copy is never removed by anyone, and two peers never remove both. As
 * soon as anyone has changed a copy, nothing is removed (two visible copies are better than lost
 * writing). One {@link TIDY_ORIGIN} transaction (never undone); returns how many were removed.
 */
export function mergeConcurrentCopies(doc: Y.Doc): number {
  const placed = placeItems(readRawItems(doc, []), [])
  const groups = new Map<string, PlacedItem[]>()
  for (const p of placed.values()) {
    if (!p.from || p.effectiveParent !== '') continue
    const key = JSON.stringify([p.effectiveTeam, p.effectiveSection, p.from])
    const group = groups.get(key)
    if (group) group.push(p)
    else groups.set(key, [p])
  }
  const candidates = [...groups.values()].filter((g) => g.length > 1)
  if (candidates.length === 0) return 0
  const parents = new Set([...placed.values()].map((p) => p.effectiveParent))
  const teams = new Map(readSprint(doc).teams.map((t) => [t.id, t]))
  const doomed: string[] = []
  for (const copies of candidates) {
    const first = copies[0] as PlacedItem
    const team = teams.get(first.effectiveTeam)
    if (!team || sectionsWithRole(team, 'plain')[0]?.key !== first.effectiveSection) continue
    const hangover = new Set(sectionsWithRole(team, 'hangover').map((s) => s.key))
    const original = [...placed.values()].find(
      (p) =>
        p.effectiveTeam === first.effectiveTeam &&
        hangover.has(p.effectiveSection) &&
        (p.from || p.id) === first.from,
    )
    if (!original) continue
    const isUntouched = (c: PlacedItem): boolean =>
      c.text === withoutDecision(original.text) &&
      !parents.has(c.id) &&
      c.status !== 'checked' &&
      c.owners.length === original.owners.length &&
      c.owners.every((o, i) => o === original.owners[i])
    if (!copies.every(isUntouched)) continue
    const ids = copies.map((c) => c.id).sort()
    doomed.push(...ids.slice(1).filter((id) => createdHere(doc, id)))
  }
  if (doomed.length > 0) {
    change(doc, () => doomed.forEach((id) => itemsMap(doc).delete(id)), TIDY_ORIGIN)
  }
  return doomed.length
}

/** Whether this doc's client created the item (in this session: client ids are per session). */
function createdHere(doc: Y.Doc, itemId: string): boolean {
  return getItemMap(doc, itemId)?._item?.id.client === doc.clientID
}

/**
 * Fills the empty `nextDoc` with a copy of `prevDoc` under a new id and title (a duplicate
 * sprint). One import transaction; returns the new id.
 */
export function copySprint(
  prevDoc: Y.Doc,
  nextDoc: Y.Doc,
  args: { title: string; id?: string },
): string {
  const id = args.id ?? newId()
  Y.applyUpdate(nextDoc, Y.encodeStateAsUpdate(prevDoc), IMPORT_ORIGIN)
  change(
    nextDoc,
    () => {
      const m = metaMap(nextDoc)
      m.set(META.id, id)
      m.set(META.title, args.title)
      m.set(META.createdAt, Date.now())
    },
    IMPORT_ORIGIN,
  )
  return id
}
