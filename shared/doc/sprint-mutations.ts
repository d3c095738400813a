import type * as Y from 'yjs'
import { defaultTemplate, type TemplateDefinition } from '../template'
import { META, SCHEMA_VERSION, metaMap } from './schema'
import { IMPORT_ORIGIN, type Origin } from './origin'
import { change } from './transact'
import { addTeamIn } from './team-mutations'
import { newId } from './ids'

export interface CreateSprintArgs {
  id?: string
  title: string
  /** ISO date `YYYY-MM-DD`. */
  startDate: string
  endDate: string
  /** A copy of this template is stored in the sprint (default: the 2024 team template). */
  template?: TemplateDefinition
  /** Team names to add, in order. */
  teams?: readonly string[]
  createdAt?: number
  previousSprintId?: string
  origin?: Origin
}

/**
 * Initialises an empty doc as a sprint: meta, a copy of the template, schema version, and teams.
 * Returns the sprint id. Runs as one transaction (import origin: not undoable step by step).
 */
export function createSprint(doc: Y.Doc, args: CreateSprintArgs): string {
  const id = args.id ?? newId()
  return change(
    doc,
    () => {
      const m = metaMap(doc)
      m.set(META.id, id)
      m.set(META.title, args.title)
      m.set(META.startDate, args.startDate)
      m.set(META.endDate, args.endDate)
      m.set(META.createdAt, args.createdAt ?? Date.now())
      m.set(META.schemaVersion, SCHEMA_VERSION)
      m.set(META.template, structuredClone(args.template ?? defaultTemplate()))
      if (args.previousSprintId) m.set(META.previousSprintId, args.previousSprintId)
      for (const name of args.teams ?? []) addTeamIn(doc, { name })
      return id
    },
    args.origin ?? IMPORT_ORIGIN,
  )
}

export interface SprintMetaPatch {
  title?: string
  startDate?: string
  endDate?: string
}

/** Changes the title and/or dates. */
export function setSprintMeta(doc: Y.Doc, patch: SprintMetaPatch): void {
  change(doc, () => {
    const m = metaMap(doc)
    if (patch.title !== undefined) m.set(META.title, patch.title)
    if (patch.startDate !== undefined) m.set(META.startDate, patch.startDate)
    if (patch.endDate !== undefined) m.set(META.endDate, patch.endDate)
  })
}

/**
 * Replaces the sprint's template (a custom template: sections added, renamed or removed). Items
 * of a removed section are kept and shown in an extra section of their team by the reader.
 */
export function setTemplate(doc: Y.Doc, template: TemplateDefinition): void {
  change(doc, () => metaMap(doc).set(META.template, structuredClone(template)))
}
