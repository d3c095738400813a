import * as Y from 'yjs'
import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import {
  GLOBAL_TEAM,
  ITEM,
  META,
  TEAM,
  extraSectionsMap,
  getItemMap,
  getTeamMap,
  itemsMap,
  metaMap,
  notesMap,
  teamsMap,
} from '../doc/schema'
import { change } from '../doc/transact'
import { notesTextIn, replaceText } from '../doc/item-mutations'
import { placeItems, readRawItems } from '../doc/read-items'
import type { ItemData, PartBlob, SprintPartData, TeamFieldsData, TeamPartData } from './types'

/** What to restore: the whole sprint, or one team (by its id in the checkpoint). */
export type RestoreScope = { kind: 'sprint' } | { kind: 'team'; teamId: string }

/** What a restore changed, for the message that announces it. */
export interface RestoreSummary {
  itemsAdded: number
  itemsRemoved: number
  itemsChanged: number
  teamsAdded: number
  teamsRemoved: number
}

/** Thrown when the checkpoint has nothing to restore for the scope (a team it does not hold). */
export class RestoreError extends Error {
  override name = 'RestoreError'
}

interface Plan {
  /** Team id in the checkpoint → its id now (a team removed since comes back under a new id). */
  teamIds: Map<string, string>
  /** Item id in the checkpoint → its id now. */
  itemIds: Map<string, string>
  items: Map<string, ItemData>
  summary: RestoreSummary
}

/**
 * Restores the scope to a checkpoint as a new change of the document (never a rewind): one
 * transaction of the local origin, so every peer receives it and Ctrl+Z undoes it (wrap it in
 * undo-step boundaries). Only what differs from the checkpoint is written: an item whose text and
 * fields are as they were is not touched, so a colleague typing in it at the same moment keeps
 * every keystroke. An item or team removed since comes back under a new id derived from the
 * checkpoint's content (`parts` hashes), so two people restoring the same checkpoint at once make
 * the same ids (no duplicates) and nobody's screen stays bound to the removed one. Items moved out
 * of a restored team since go back; items added since go. `parts` are every part of the
 * checkpoint. Throws {@link RestoreError} when the checkpoint does not hold the team.
 */
export function restoreCheckpoint(
  doc: Y.Doc,
  parts: readonly PartBlob[],
  scope: RestoreScope,
): RestoreSummary {
  const teamParts = parts.filter(
    (p): p is PartBlob & { data: TeamPartData } => p.data.kind === 'team',
  )
  const sprintPart = parts.find(
    (p): p is PartBlob & { data: SprintPartData } => p.data.kind === 'sprint',
  )
  const inScope =
    scope.kind === 'sprint' ? teamParts : teamParts.filter((p) => p.data.id === scope.teamId)
  if (scope.kind === 'team' && inScope.length === 0) {
    throw new RestoreError('This checkpoint has no such team.')
  }
  return change(doc, () => {
    const plan = planIds(doc, inScope, scope.kind === 'sprint' ? sprintPart : undefined)
    if (scope.kind === 'sprint') removeTeamsAddedSince(doc, teamParts, plan)
    for (const p of inScope) restoreTeam(doc, p.data, plan, scope.kind === 'sprint')
    if (scope.kind === 'sprint' && sprintPart) restoreSprintFields(doc, sprintPart.data)
    restoreItems(doc, plan, scopeTeamsNow(plan, scope), allCheckpointItems(parts))
    return plan.summary
  })
}

function planIds(
  doc: Y.Doc,
  teams: readonly (PartBlob & { data: TeamPartData })[],
  sprint: (PartBlob & { data: SprintPartData }) | undefined,
): Plan {
  const plan: Plan = {
    teamIds: new Map(),
    itemIds: new Map(),
    items: new Map(),
    summary: { itemsAdded: 0, itemsRemoved: 0, itemsChanged: 0, teamsAdded: 0, teamsRemoved: 0 },
  }
  const addItems = (hash: string, items: Record<string, ItemData>): void => {
    for (const [id, data] of Object.entries(items)) {
      plan.items.set(id, data)
      const isThere = getItemMap(doc, id) !== undefined
      plan.itemIds.set(id, isThere ? id : freshId(itemsMap(doc), `${hash}:item:${id}`))
    }
  }
  for (const p of teams) {
    const isThere = getTeamMap(doc, p.data.id) !== undefined
    plan.teamIds.set(p.data.id, isThere ? p.data.id : freshId(teamsMap(doc), `${p.hash}:team`))
    addItems(p.hash, p.data.items)
  }
  if (sprint) {
    plan.teamIds.set(GLOBAL_TEAM, GLOBAL_TEAM)
    addItems(sprint.hash, sprint.data.items)
  }
  return plan
}

/**
 * A new id derived from `seed`: the first of `seed:0`, `seed:1`… never used in `map` (deleted
 * keys included, so a screen still bound to a removed item never gets its id back).
 */
function freshId(map: Y.Map<unknown> | Y.Map<Y.Map<unknown>>, seed: string): string {
  for (let n = 0; ; n++) {
    const digest = sha256(utf8ToBytes(`${seed}:${n}`))
    let id = 'r'
    for (let i = 0; i < 13; i++) id += ((digest[i] as number) % 36).toString(36)
    if (!(map as Y.Map<unknown>)._map.has(id)) return id
  }
}

/** The ids (now) of the teams whose items the restore owns; `''` for the issue's own items. */
function scopeTeamsNow(plan: Plan, scope: RestoreScope): Set<string> {
  if (scope.kind === 'team') return new Set([plan.teamIds.get(scope.teamId) ?? scope.teamId])
  return new Set(plan.teamIds.values())
}

function removeTeamsAddedSince(
  doc: Y.Doc,
  teamParts: readonly { data: TeamPartData }[],
  plan: Plan,
): void {
  const kept = new Set(teamParts.map((p) => p.data.id))
  for (const id of [...teamsMap(doc).keys()]) {
    if (kept.has(id) || id === GLOBAL_TEAM) continue
    teamsMap(doc).delete(id)
    extraSectionsMap(doc).delete(id)
    for (const key of [...notesMap(doc).keys()])
      if (key.startsWith(`${id}/`)) notesMap(doc).delete(key)
    plan.summary.teamsRemoved++
    // Its items go with the items not in the checkpoint (see restoreItems).
    plan.teamIds.set(`removed:${id}`, id)
  }
}

function restoreTeam(doc: Y.Doc, data: TeamPartData, plan: Plan, withOrder: boolean): void {
  const id = plan.teamIds.get(data.id) ?? data.id
  let team = getTeamMap(doc, id)
  if (!team) {
    team = new Y.Map<unknown>()
    teamsMap(doc).set(id, team as Y.Map<unknown>)
    plan.summary.teamsAdded++
  }
  setTeamFields(team, data.team, withOrder || id !== data.id)
  const prefix = `${data.id}/`
  restoreNotes(doc, id, data.notes, (key) => `${id}/${key.slice(prefix.length)}`)
  restoreExtraSections(doc, id, data.extraSections)
}

function setTeamFields(team: Y.Map<unknown>, fields: TeamFieldsData, withOrder: boolean): void {
  setIfDifferent(team, TEAM.name, fields.name)
  if (withOrder || team.get(TEAM.order) === undefined)
    setIfDifferent(team, TEAM.order, fields.order)
  setIfDifferent(team, TEAM.heroes, fields.heroes)
  setIfDifferent(team, TEAM.offDuring, fields.offDuring)
  setIfDifferent(team, TEAM.members, fields.members)
  if (fields.heroSuggestion !== '' || team.has(TEAM.heroSuggestion))
    setIfDifferent(team, TEAM.heroSuggestion, fields.heroSuggestion)
}

function restoreSprintFields(doc: Y.Doc, data: SprintPartData): void {
  const meta = metaMap(doc)
  setIfDifferent(meta, META.title, data.meta.title)
  setIfDifferent(meta, META.startDate, data.meta.startDate)
  setIfDifferent(meta, META.endDate, data.meta.endDate)
  if (data.template !== null) setIfDifferent(meta, META.template, data.template)
  restoreNotes(doc, GLOBAL_TEAM, data.notes, (key) => key)
  restoreExtraSections(doc, GLOBAL_TEAM, data.extraSections ?? {})
}

/** Notes of a team as in the checkpoint; notes written since are emptied (the key stays). */
function restoreNotes(
  doc: Y.Doc,
  teamId: string,
  notes: Record<string, string>,
  keyNow: (key: string) => string,
): void {
  const wanted = new Map(Object.entries(notes).map(([k, v]) => [keyNow(k), v]))
  for (const key of [...notesMap(doc).keys()]) {
    if (key.startsWith(`${teamId}/`) && !wanted.has(key)) wanted.set(key, '')
  }
  for (const [key, text] of wanted) {
    const section = key.slice(teamId.length + 1)
    const t = notesTextIn(doc, teamId, section)
    if (t.toString() !== text) replaceText(t, text)
  }
}

function restoreExtraSections(doc: Y.Doc, teamId: string, sections: Record<string, unknown>): void {
  let m: unknown = extraSectionsMap(doc).get(teamId)
  const keys = Object.keys(sections)
  if (!(m instanceof Y.Map)) {
    if (keys.length === 0) return
    m = new Y.Map<unknown>()
    extraSectionsMap(doc).set(teamId, m as Y.Map<unknown>)
  }
  const map = m as Y.Map<unknown>
  for (const key of [...map.keys()]) if (!(key in sections)) map.delete(key)
  for (const key of keys) setIfDifferent(map, key, sections[key])
}

/** Every item of the checkpoint, by id (to send back an item moved into a restored team). */
function allCheckpointItems(parts: readonly PartBlob[]): Map<string, ItemData> {
  const out = new Map<string, ItemData>()
  for (const p of parts) for (const [id, item] of Object.entries(p.data.items)) out.set(id, item)
  return out
}

function restoreItems(
  doc: Y.Doc,
  plan: Plan,
  teamsNow: ReadonlySet<string>,
  everywhere: ReadonlyMap<string, ItemData>,
): void {
  const items = itemsMap(doc)
  const placed = placeItems(readRawItems(doc, []), [])
  for (const item of placed.values()) {
    if (!teamsNow.has(item.effectiveTeam) || plan.items.has(item.id)) continue
    const elsewhere = everywhere.get(item.id)
    if (elsewhere && getTeamMap(doc, elsewhere.team)) {
      // Moved into this team since: it goes back to where it was.
      plan.items.set(item.id, elsewhere)
      plan.itemIds.set(item.id, item.id)
    } else {
      items.delete(item.id)
      plan.summary.itemsRemoved++
    }
  }
  for (const [oldId, data] of plan.items) writeItem(doc, plan, oldId, data)
}

function writeItem(doc: Y.Doc, plan: Plan, oldId: string, data: ItemData): void {
  const id = plan.itemIds.get(oldId) ?? oldId
  const team = plan.teamIds.get(data.team) ?? data.team
  const parent = data.parent === '' ? '' : (plan.itemIds.get(data.parent) ?? data.parent)
  let map = getItemMap(doc, id)
  if (!map) {
    map = new Y.Map<unknown>()
    map.set(ITEM.text, new Y.Text(data.text))
    itemsMap(doc).set(id, map as Y.Map<unknown>)
    plan.summary.itemsAdded++
  }
  let isChanged = false
  const set = (key: string, value: unknown): void => {
    isChanged = setIfDifferent(map, key, value) || isChanged
  }
  const text = map.get(ITEM.text)
  if (!(text instanceof Y.Text)) set(ITEM.text, new Y.Text(data.text))
  else if (text.toString() !== data.text) {
    replaceText(text, data.text)
    isChanged = true
  }
  set(ITEM.team, team)
  set(ITEM.section, data.section)
  set(ITEM.parent, parent)
  set(ITEM.order, data.order)
  set(ITEM.owners, data.owners)
  if (data.status === null) {
    if (map.has(ITEM.status)) map.delete(ITEM.status)
  } else set(ITEM.status, data.status)
  if (data.task || map.get(ITEM.task) === true) set(ITEM.task, data.task)
  if (data.group !== '' || map.has(ITEM.group)) set(ITEM.group, data.group)
  if (data.from !== '' || map.has(ITEM.from)) set(ITEM.from, data.from)
  if (isChanged && id === oldId) plan.summary.itemsChanged++
}

/** Sets `key` when its value differs (as JSON) from `value`; returns whether it wrote. */
function setIfDifferent(map: Y.Map<unknown>, key: string, value: unknown): boolean {
  const cur = map.get(key)
  if (cur !== undefined && !(cur instanceof Y.AbstractType) && sameJson(cur, value)) return false
  map.set(key, value instanceof Y.AbstractType ? value : structuredClone(value))
  return true
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
