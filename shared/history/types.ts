import type { SupportHero } from '../doc/types'

/**
 * The plain data of a sprint checkpoint. A checkpoint is cut in parts: the sprint part (title,
 * dates, template, the global sections) and one part per team (the team's fields, its
 * items, notes and extra sections). Parts are stored by content hash, so a team nobody touched
 * between two checkpoints costs nothing the second time.
 */

/** Key of the sprint part of a checkpoint. */
export const SPRINT_PART = 'sprint'

/** Key of a team's part of a checkpoint. */
export function teamPartKey(teamId: string): string {
  return `team:${teamId}`
}

/** The team id of a team part key, or `undefined` for the sprint part. */
export function teamIdOfPart(key: string): string | undefined {
  return key.startsWith('team:') ? key.slice('team:'.length) : undefined
}

/** One item as stored: every field of the model, by value (text as a string). */
export interface ItemData {
  text: string
  team: string
  section: string
  parent: string
  order: string
  /** The stored status when it is a string (its meaning depends on the section), else `null`. */
  status: string | null
  owners: string[]
  task: boolean
  group: string
  from: string
}

/** A team's own fields as stored. */
export interface TeamFieldsData {
  name: string
  order: string
  heroes: SupportHero[]
  offDuring: string
  members: string[]
  heroSuggestion: string
}

/** A team's part: its fields, items (by id), notes (by note key) and extra sections (by key). */
export interface TeamPartData {
  kind: 'team'
  id: string
  team: TeamFieldsData
  items: Record<string, ItemData>
  notes: Record<string, string>
  extraSections: Record<string, unknown>
}

/**
 * The sprint part: meta fields, the template (plain JSON) and the global sections (its
 * items, notes, and its own sections beyond the template's, absent when it has none).
 */
export interface SprintPartData {
  kind: 'sprint'
  meta: { title: string; startDate: string; endDate: string }
  template: unknown
  items: Record<string, ItemData>
  notes: Record<string, string>
  extraSections?: Record<string, unknown>
}

export type PartData = TeamPartData | SprintPartData

/** A stored part: its data, its exported Markdown and the hash both are stored under. */
export interface PartBlob {
  hash: string
  data: PartData
  /** The team's GitHub comment (a team part) or the issue body (the sprint part). */
  markdown: string
}

/** Why a checkpoint was taken. */
export type CheckpointReason =
  | 'opened'
  | 'editing'
  | 'import'
  | 'restore'
  | 'sections'
  | 'next-sprint'
  | 'peer'
  | 'manual'
  | 'file'

/** Someone who changed a part since the previous checkpoint, and how many edits they made. */
export interface Author {
  clientId: number
  name: string
  color: string
  /** Inserted characters and values (a rough measure of how much they did). */
  changes: number
}

/** A part of a checkpoint as listed: which blob holds it, and its label when taken. */
export interface CheckpointPart {
  key: string
  label: string
  hash: string
}

/** One checkpoint as stored (its parts' contents are separate {@link PartBlob}s). */
export interface Checkpoint {
  id: string
  /** Milliseconds since the epoch, on the device that took it. */
  at: number
  reason: CheckpointReason
  /** The sprint part first, then the teams in their order at the time. */
  parts: CheckpointPart[]
  /** `Y.encodeStateVector` of the document when taken. */
  stateVector: Uint8Array
  /**
   * Who changed what since the previous checkpoint, by part key (only parts someone inserted
   * into; a removal alone is not attributed: Yjs records who wrote, not who deleted).
   */
  authors: Record<string, Author[]>
}
