import { z } from 'zod'

/**
 * A sprint template as data. A template describes the team comment (and the global part of the
 * sprint issue) section by section, so that every peer renders the same sections and the exporter
 * can reproduce the template byte for byte.
 *
 * Invariants: section keys are unique within `sections` and within `issue.sections`; the order of
 * `sections` is the order of the comment; a `field` section has `level: 0` (a bold label line).
 */

/** What a section holds. Unknown kinds written by a newer version are read as `list`. */
export const sectionKindSchema = z.enum(['field', 'list', 'group'])
export type SectionKind = z.infer<typeof sectionKindSchema>

/**
 * The status vocabulary of a list section's items. `plain` items are tasks: checked or not.
 * Unknown roles written by a newer version are read as `plain`.
 */
export const listRoleSchema = z.enum(['retro', 'hangover', 'okr', 'plain'])
export type ListRole = z.infer<typeof listRoleSchema>

/** Which team field a `field` section edits. */
export const fieldKeySchema = z.enum(['supportHero', 'offDuring'])
export type FieldKey = z.infer<typeof fieldKeySchema>

/** The longest heading a section may have (a longer one is kept as notes on import). */
export const MAX_HEADING_CHARS = 200

export const templateSectionSchema = z.object({
  /** Stable id of the section inside the template, e.g. `retro`, `high`. Items point at it. */
  key: z.string().min(1).max(64),
  /** Heading text exactly as the template writes it (`Retro`, `Support hero:`). */
  heading: z.string().max(MAX_HEADING_CHARS),
  /** Markdown heading depth 1..6, or 0 for a bold label line (`**Support hero:** ___`). */
  level: z.number().int().min(0).max(6),
  kind: z.string(),
  role: z.string().default('plain'),
  listStyle: z.enum(['bullet', 'ordered']).default('bullet'),
  /** For `field` sections: the team field it shows. */
  field: fieldKeySchema.optional(),
  /** Guidance HTML comment body (without `<!--`/`-->`), exported as in the template. */
  guidance: z.string().optional(),
  /**
   * A list of the sprint's priorities (High / Low priority): its items are carried into the next
   * sprint's Retro (and, when not done, Hang over). Other lists are not.
   */
  priority: z.boolean().optional(),
  /** Raw Markdown of the template's placeholder block (`- `, `-`, `1. OKR, status…`). */
  placeholder: z.string().optional(),
  /**
   * Exact Markdown layout details the exporter needs to reproduce the template byte for byte
   * (blank lines between parts, etc.). Opaque to the document model. Keys read by the exporter:
   * `gapAfterHeading`, `gapAfterGuidance`, `gapAfter` (blank lines, default 1); on a team's extra
   * sections also `headingless` (notes/items with no heading), `preamble` (before the team
   * heading) and `person` (a `## Anders` section whose items are grouped under that person).
   */
  layout: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
})
export type TemplateSection = z.infer<typeof templateSectionSchema>

export const templateDefinitionSchema = z.object({
  /** Template id, e.g. `team-2024`. */
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  /** The team heading: `level` 0 means a bare `Team ___` line. `text` contains `___` for the name. */
  teamHeading: z.object({ level: z.number().int().min(0).max(6), text: z.string().max(200) }),
  sections: z.array(templateSectionSchema).max(100),
  /** The global part of the sprint issue body. */
  issue: z
    .object({
      title: z.string().max(200),
      sections: z.array(templateSectionSchema).max(50),
      layout: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .optional(),
  /** Status → glyph legend used by export and import (`done` → `✅`). */
  legend: z.record(z.string(), z.string()).default({}),
  /**
   * Exact layout details of the whole comment (opaque to the document model):
   * `gapAfterTeamHeading` (blank lines, default 1). The issue's layout has `templateHeading`,
   * `templateIntro` and `fenceTrailingBlank` (see `issue.ts`).
   */
  layout: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
})
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>

/** Reads a section kind tolerantly: anything unknown is a list (shown as a plain list). */
export function sectionKindOf(section: Pick<TemplateSection, 'kind'>): SectionKind {
  const parsed = sectionKindSchema.safeParse(section.kind)
  return parsed.success ? parsed.data : 'list'
}

/** Reads a list role tolerantly: anything unknown is `plain`. */
export function listRoleOf(section: Pick<TemplateSection, 'role'>): ListRole {
  const parsed = listRoleSchema.safeParse(section.role)
  return parsed.success ? parsed.data : 'plain'
}
