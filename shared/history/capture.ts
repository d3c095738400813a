import * as Y from 'yjs'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import {
  GLOBAL_TEAM,
  ITEM,
  META,
  TEAM,
  extraSectionsMap,
  getItemMap,
  metaMap,
  notesMap,
  teamsMap,
} from '../doc/schema'
import { readSprint } from '../doc/read'
import { readHeroes, readString, readStringList } from '../doc/read-fields'
import type { ItemView, SectionView } from '../doc/types'
import { renderTeam } from '../markdown'
// The issue body of a view already read (exportIssue would read the whole sprint again).
import { renderIssue } from '../markdown/export-issue'
import {
  SPRINT_PART,
  teamPartKey,
  type ItemData,
  type PartBlob,
  type SprintPartData,
  type TeamFieldsData,
  type TeamPartData,
} from './types'

/** A part of a capture: what a checkpoint stores of it, and its label (the team's name). */
export interface CapturedPart extends PartBlob {
  key: string
  label: string
}

/** The whole sprint at one moment, cut in parts (see `types.ts`). */
export interface Capture {
  /** The sprint part first, then the teams in their order. */
  parts: CapturedPart[]
  stateVector: Uint8Array
}

/** The label of the sprint part in lists and diffs. */
export const SPRINT_PART_LABEL = 'Issue body (title, dates, sections)'

/**
 * Captures the sprint as plain data, part by part, with each part's exported Markdown (the
 * team's comment via `renderTeam`, the issue body via `renderIssue`, both of one `readSprint`)
 * and a content hash of both. Items are recorded where the reader shows them (their effective
 * team, section and parent). Reads only; never throws on a malformed document (the tolerant
 * readers skip what they cannot read). Items of a team that no longer exists are in no part (the
 * editor hides them too).
 */
export function captureSprint(doc: Y.Doc): Capture {
  const view = readSprint(doc)
  const notes = [...notesMap(doc).entries()].map(([k, v]): [string, string] => [
    k,
    v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '',
  ])
  const notesOf = (teamId: string): Record<string, string> =>
    record(notes.filter(([k]) => k.startsWith(`${teamId}/`)))

  const meta = metaMap(doc)
  const sprint: SprintPartData = {
    kind: 'sprint',
    meta: {
      title: readString(meta, META.title, 'meta', []),
      startDate: readString(meta, META.startDate, 'meta', []),
      endDate: readString(meta, META.endDate, 'meta', []),
    },
    template: plainJson(meta.get(META.template)) ?? null,
    items: record(itemsOf(doc, GLOBAL_TEAM, view.globalSections)),
    notes: notesOf(GLOBAL_TEAM),
  }
  // Only when there are some: the part of a sprint without any keeps the hash it always had.
  const globalExtras = extraSectionsOf(doc, GLOBAL_TEAM)
  if (Object.keys(globalExtras).length > 0) sprint.extraSections = globalExtras
  const parts: CapturedPart[] = [part(SPRINT_PART, SPRINT_PART_LABEL, sprint, renderIssue(view))]
  for (const team of view.teams) {
    const key = teamPartKey(team.id)
    const data: TeamPartData = {
      kind: 'team',
      id: team.id,
      team: teamFields(doc, team.id),
      items: record(itemsOf(doc, team.id, team.sections)),
      notes: notesOf(team.id),
      extraSections: extraSectionsOf(doc, team.id),
    }
    const markdown = renderTeam(view.template, team)
    parts.push(part(key, team.name.trim() || 'Untitled team', data, markdown))
  }
  return { parts, stateVector: Y.encodeStateVector(doc) }
}

function part(
  key: string,
  label: string,
  data: SprintPartData | TeamPartData,
  markdown: string,
): CapturedPart {
  return { key, label, data, markdown, hash: hashPart(JSON.stringify(data), markdown) }
}

/** The content hash a part is stored under: SHA-256 of its data and Markdown, 32 hex digits. */
export function hashPart(dataJson: string, markdown: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${dataJson}\n${markdown}`))).slice(0, 32)
}

/** Every item of a team's sections as the reader placed them (tree parent, effective place). */
function itemsOf(
  doc: Y.Doc,
  teamId: string,
  sections: readonly SectionView[],
): [string, ItemData][] {
  const out: [string, ItemData][] = []
  const walk = (items: readonly ItemView[], section: string, parent: string): void => {
    for (const item of items) {
      // The stored status, not the one the section's role reads it as (moving back restores it).
      const status: unknown = getItemMap(doc, item.id)?.get(ITEM.status)
      out.push([
        item.id,
        {
          text: item.text,
          team: teamId,
          section,
          parent,
          order: item.order,
          status: typeof status === 'string' ? status : null,
          owners: [...item.owners],
          task: item.isTask,
          group: item.group,
          from: item.from,
        },
      ])
      walk(item.children, section, item.id)
    }
  }
  for (const s of sections) walk(s.items, s.key, '')
  return out
}

function teamFields(doc: Y.Doc, teamId: string): TeamFieldsData {
  const m = teamsMap(doc).get(teamId) as Y.Map<unknown>
  const path = `teams/${teamId}`
  const order = m.get(TEAM.order)
  return {
    name: readString(m, TEAM.name, path, []),
    order: typeof order === 'string' ? order : '',
    heroes: readHeroes(m, TEAM.heroes, path, []),
    offDuring: readString(m, TEAM.offDuring, path, []),
    members: readStringList(m, TEAM.members, path, []),
    heroSuggestion: readString(m, TEAM.heroSuggestion, path, []),
  }
}

function extraSectionsOf(doc: Y.Doc, teamId: string): Record<string, unknown> {
  const m: unknown = extraSectionsMap(doc).get(teamId)
  if (!(m instanceof Y.Map)) return record([])
  const entries: [string, unknown][] = []
  ;(m as Y.Map<unknown>).forEach((v, k) => {
    const json = plainJson(v)
    if (json !== undefined) entries.push([k, json])
  })
  return record(entries)
}

/** A plain JSON copy of a stored value; `undefined` for Y types and what JSON cannot hold. */
function plainJson(v: unknown): unknown {
  if (v === undefined || v instanceof Y.AbstractType || v instanceof Uint8Array) return undefined
  try {
    return JSON.parse(JSON.stringify(v)) as unknown
  } catch {
    return undefined
  }
}

/**
 * An object from entries in key order (so equal content serialises to equal JSON on every
 * peer), without a prototype: a hostile key such as `__proto__` stays a plain key.
 */
export function record<T>(entries: [string, T][]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>
  for (const [k, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = v
  return out
}
