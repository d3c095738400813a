import type * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import {
  AFTER_TEMPLATE,
  TemplateEditError,
  newSection,
  removeSection,
  renameSection,
  type TemplateDefinition,
  type TemplateSection,
} from '../template'
import { GLOBAL_TEAM, extraSectionsMap, noteKey, notesMap } from './schema'
import { readExtraSections, readSprint, readTemplate, type ExtraSection } from './read'
import { isValidOrderKey } from './order'
import { addExtraSectionIn, deleteItemsWhere } from './team-mutations'
import { updateTemplate } from './sprint-mutations'
import { change } from './transact'

/**
 * The issue body's sections, edited from the global panel. The template's own ("3 things that
 * might take us down") are sections of the sprint's template (scope `issue` of
 * `sectionEdits`); every other one (kept from an import, or added here) is an extra section of
 * the global team, placed after the section it follows, like a team's extra sections. These
 * functions hide the difference: a section is named by its key whichever it is.
 */

/** What {@link addGlobalSection} adds: a list under a `##` heading, after `after` (`''`: first). */
export interface AddGlobalSectionArgs {
  heading: string
  listStyle: 'bullet' | 'ordered'
  after: string
}

/**
 * Adds a list section of the issue's own after the section `after` (`''`: first), directly
 * after it (before sections that already followed it). Returns its key, derived from the heading
 * and unused among the issue's sections. Throws `TemplateEditError` for an empty heading.
 */
export function addGlobalSection(doc: Y.Doc, args: AddGlobalSectionArgs): string {
  return change(doc, () => {
    const template = readTemplate(doc)
    const extras = readExtraSections(doc, GLOBAL_TEAM)
    const taken: TemplateDefinition = {
      ...template,
      sections: [...(template.issue?.sections ?? []), ...extras.map((e) => e.def)],
    }
    const made = newSection(taken, {
      heading: args.heading,
      level: 2,
      kind: 'list',
      listStyle: args.listStyle,
    })
    // After a section written below the fenced template, it is written there too.
    const anchor = extras.find((e) => e.def.key === args.after)
    const isBelow = anchor?.def.layout?.[AFTER_TEMPLATE] === true
    const section = isBelow ? { ...made, layout: { [AFTER_TEMPLATE]: true } } : made
    const siblings = extras.filter((e) => e.after === args.after).map((e) => e.order)
    const first = siblings.filter(isValidOrderKey).sort()[0] ?? null
    const order = generateKeyBetween(null, first)
    addExtraSectionIn(doc, { teamId: GLOBAL_TEAM, section, after: args.after, order })
    return section.key
  })
}

/**
 * Renames a section of the issue body. A section without a heading (prose kept from an import)
 * becomes a `##` section with this heading, and so do items whose section is known nowhere
 * (shown under their section's key). Throws `TemplateEditError` for an empty heading;
 * no-op for a key the issue does not have.
 */
export function renameGlobalSection(doc: Y.Doc, args: { key: string; heading: string }): void {
  const heading = args.heading.trim()
  if (heading === '')
    throw new TemplateEditError('A section needs a heading. To drop it, use Remove.')
  change(doc, () => {
    const extra = readExtraSections(doc, GLOBAL_TEAM).find((e) => e.def.key === args.key)
    if (extra) {
      const section = withHeading(extra.def, heading)
      addExtraSectionIn(doc, {
        teamId: GLOBAL_TEAM,
        section,
        after: extra.after,
        order: extra.order,
      })
      return
    }
    if (isTemplateSection(doc, args.key)) {
      updateTemplate(doc, (t) => withIssueSections(t, (s) => renameSection(s, args.key, heading)))
      return
    }
    // Items of a section known nowhere (shown under their section's key): the heading makes
    // it a section of the issue's own, where they are.
    const shown = readSprint(doc).globalSections
    const index = shown.findIndex((s) => s.key === args.key)
    const orphan = shown[index]
    if (!orphan) return
    const section = withHeading(orphan.definition, heading)
    const after = shown[index - 1]?.key ?? ''
    addExtraSectionIn(doc, { teamId: GLOBAL_TEAM, section, after, order: 'a0' })
  })
}

/**
 * Removes a section of the issue body with its items and notes, in one change (one undo step).
 * The sections that followed it keep their place. No-op for a key the issue does not have.
 */
export function removeGlobalSection(doc: Y.Doc, args: { key: string }): void {
  change(doc, () => {
    const shown = readSprint(doc).globalSections
    const index = shown.findIndex((s) => s.key === args.key)
    if (index < 0) return
    const previous = shown[index - 1]?.key ?? ''
    const extras = readExtraSections(doc, GLOBAL_TEAM)
    for (const e of extras) if (e.after === args.key) reanchor(doc, e, previous)
    const m: unknown = extraSectionsMap(doc).get(GLOBAL_TEAM)
    if (extras.some((e) => e.def.key === args.key)) (m as Y.Map<unknown>).delete(args.key)
    else if (isTemplateSection(doc, args.key))
      updateTemplate(doc, (t) => withIssueSections(t, (s) => removeSection(s, args.key)))
    deleteItemsWhere(
      doc,
      (item) => item.effectiveTeam === GLOBAL_TEAM && item.effectiveSection === args.key,
    )
    notesMap(doc).delete(noteKey(GLOBAL_TEAM, args.key))
  })
}

function reanchor(doc: Y.Doc, e: ExtraSection, after: string): void {
  addExtraSectionIn(doc, { teamId: GLOBAL_TEAM, section: e.def, after, order: e.order })
}

function isTemplateSection(doc: Y.Doc, key: string): boolean {
  return (readTemplate(doc).issue?.sections ?? []).some((s) => s.key === key)
}

/** A section with a heading of its own (one kept headingless from an import gets a `##`). */
function withHeading(def: TemplateSection, heading: string): TemplateSection {
  const { headingless: _h, preamble: _p, ...layout } = def.layout ?? {}
  return {
    ...def,
    heading,
    level: def.level === 0 ? 2 : def.level,
    ...(def.layout ? { layout } : {}),
  }
}

/** Applies a template edit to the template's issue sections, as if they were its sections. */
function withIssueSections(
  template: TemplateDefinition,
  edit: (t: TemplateDefinition) => TemplateDefinition,
): TemplateDefinition {
  const issue = template.issue
  if (!issue) return template
  const edited = edit({ ...template, sections: issue.sections })
  return { ...template, issue: { ...issue, sections: edited.sections } }
}
