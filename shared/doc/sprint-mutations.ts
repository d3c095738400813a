import type * as Y from 'yjs'
import {
  customTemplate,
  defaultTemplate,
  removeSection,
  type TemplateDefinition,
} from '../template'
import { readBaseTemplate, readSprint, readTemplate } from './read'
import { clearSectionEdits, writeSectionEdits } from './template-sections'
import { META, SCHEMA_VERSION, metaMap } from './schema'
import { IMPORT_ORIGIN, type Origin } from './origin'
import { change } from './transact'
import { addExtraSectionIn, addTeamIn } from './team-mutations'
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
 * Replaces the sprint's template as a whole (its sections become the new base, earlier section
 * edits are dropped). Items of a removed section are kept and shown in an extra section of their
 * team by the reader.
 */
export function setTemplate(doc: Y.Doc, template: TemplateDefinition): void {
  change(doc, () => {
    clearSectionEdits(doc)
    metaMap(doc).set(META.template, withoutUndefined(structuredClone(template)))
  })
}

/**
 * Edits the sprint's template with `edit` (a pure function from shared/template such as
 * `renameSection`), reading and writing it in one transaction of the local origin, so the
 * change is undoable like any other. The first edit makes the template a custom one (`custom-`
 * id, "(customised)" name). Throws the edit's `TemplateEditError` without writing anything.
 *
 * Sections are written one by one, field by field (see `template-sections.ts`): two people
 * editing different sections at the same moment both keep their change; the same field edited
 * twice at once is last-writer-wins. Items are never lost: an item whose section disappeared is
 * shown in a section of its own.
 */
export function updateTemplate(
  doc: Y.Doc,
  edit: (template: TemplateDefinition) => TemplateDefinition,
): void {
  change(doc, () => {
    const current = readTemplate(doc)
    let next = edit(current)
    if (next === current) return
    if (!next.id.startsWith('custom-'))
      next = customTemplate(next, `custom-${next.id}`.slice(0, 64), `${next.name} (customised)`)
    writeTemplate(doc, current, next)
  })
}

/** Writes `next` over `current`: the non-section fields in `meta`, the sections as edits. */
function writeTemplate(doc: Y.Doc, current: TemplateDefinition, next: TemplateDefinition): void {
  const base = readBaseTemplate(doc)
  const baseIssue = base.issue?.sections ?? []
  const outline = (t: TemplateDefinition): TemplateDefinition => ({
    ...t,
    sections: base.sections,
    ...(t.issue ? { issue: { ...t.issue, sections: baseIssue } } : {}),
  })
  const stored = outline(next)
  if (JSON.stringify(stored) !== JSON.stringify(outline(current))) {
    metaMap(doc).set(META.template, withoutUndefined(structuredClone(stored)))
  }
  writeSectionEdits(doc, 'team', base.sections, next.sections)
  if (next.issue) writeSectionEdits(doc, 'issue', baseIssue, next.issue.sections)
}

/** A JSON copy without `undefined` members (what a Y.Map value should hold). */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * Removes a section from the sprint's template (see {@link updateTemplate}). A team with items or
 * notes in it keeps it as a section of its own, with the same heading, kind and place, so
 * nothing written is lost or relabelled; the other teams no longer show it. Adding the section
 * back to the template (same key) shows it in every team again, with those items.
 */
export function removeTemplateSection(doc: Y.Doc, key: string): void {
  change(doc, () => {
    const view = readSprint(doc)
    const sections = view.template.sections
    const index = sections.findIndex((s) => s.key === key)
    const def = sections[index]
    if (def) {
      const after = sections[index - 1]?.key ?? ''
      for (const team of view.teams) {
        const s = team.sections.find((x) => x.key === key && !x.isExtra)
        if (s && (s.items.length > 0 || s.notes !== ''))
          addExtraSectionIn(doc, { teamId: team.id, section: def, after })
      }
    }
    updateTemplate(doc, (t) => removeSection(t, key))
  })
}
