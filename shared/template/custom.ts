import { templateDefinitionSchema, type TemplateDefinition, type TemplateSection } from './types'

/**
 * Custom templates: pure functions that return a changed copy of a template (sections added,
 * renamed or removed), for storing in a sprint with `setTemplate`. Each result is validated:
 * section keys stay unique, and an unknown key is reported rather than ignored.
 */

/** Thrown when a template change would make an invalid template; the message says why. */
export class TemplateEditError extends Error {
  override name = 'TemplateEditError'
}

function check(template: TemplateDefinition): TemplateDefinition {
  const parsed = templateDefinitionSchema.safeParse(template)
  if (!parsed.success) throw new TemplateEditError(`invalid template: ${parsed.error.message}`)
  const keys = parsed.data.sections.map((s) => s.key)
  const dup = keys.find((k, i) => keys.indexOf(k) !== i)
  if (dup !== undefined) throw new TemplateEditError(`two sections have the key "${dup}"`)
  return parsed.data
}

function indexOf(template: TemplateDefinition, key: string): number {
  const i = template.sections.findIndex((s) => s.key === key)
  if (i < 0) throw new TemplateEditError(`no section "${key}" in template "${template.id}"`)
  return i
}

/** A copy of `base` as a custom template with its own id and name. */
export function customTemplate(
  base: TemplateDefinition,
  id: string,
  name: string,
): TemplateDefinition {
  return check({ ...structuredClone(base), id, name })
}

/** Adds a section after the section `after` (`''`: first). Its key must be new. */
export function addSection(
  template: TemplateDefinition,
  section: TemplateSection,
  after: string,
): TemplateDefinition {
  const sections = [...template.sections]
  const at = after === '' ? 0 : indexOf(template, after) + 1
  sections.splice(at, 0, structuredClone(section))
  return check({ ...structuredClone(template), sections })
}

/** Renames a section: only its heading changes, so items keep pointing at it. */
export function renameSection(
  template: TemplateDefinition,
  key: string,
  heading: string,
): TemplateDefinition {
  const i = indexOf(template, key)
  const sections = template.sections.map((s, j) => (j === i ? { ...s, heading } : s))
  return check({ ...structuredClone(template), sections })
}

/**
 * Removes a section. Items already in it are not lost: the document reader shows them in an
 * extra section of their team.
 */
export function removeSection(template: TemplateDefinition, key: string): TemplateDefinition {
  const i = indexOf(template, key)
  return check({
    ...structuredClone(template),
    sections: template.sections.filter((_, j) => j !== i),
  })
}

/** Moves a section one place up (`-1`) or down (`1`) in the comment; unchanged at either end. */
export function moveSection(
  template: TemplateDefinition,
  key: string,
  by: -1 | 1,
): TemplateDefinition {
  const i = indexOf(template, key)
  const j = i + by
  if (j < 0 || j >= template.sections.length) return template
  const sections = [...template.sections]
  const [moved] = sections.splice(i, 1)
  if (moved) sections.splice(j, 0, moved)
  return check({ ...structuredClone(template), sections })
}

/** What a user can add to a template: a list of items with a status vocabulary, or a heading. */
export interface NewSectionArgs {
  heading: string
  /** `##` (2) or `###` (3) and so on. */
  level: number
  kind: 'list' | 'group'
  role?: TemplateSection['role']
  listStyle?: 'bullet' | 'ordered'
}

/**
 * A new section with a key not used in `template` (derived from the heading, so exported
 * documents stay readable), and the placeholder a list section of the built-in templates has.
 */
export function newSection(template: TemplateDefinition, args: NewSectionArgs): TemplateSection {
  const heading = args.heading.trim()
  if (!heading) throw new TemplateEditError('a section needs a heading')
  const slug =
    heading
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'section'
  const used = new Set(template.sections.map((s) => s.key))
  let key = slug
  for (let n = 2; used.has(key); n++) key = `${slug}-${n}`
  const isOrdered = args.kind === 'list' && args.listStyle === 'ordered'
  return {
    key,
    heading,
    level: Math.min(6, Math.max(1, Math.trunc(args.level))),
    kind: args.kind,
    role: args.kind === 'list' ? (args.role ?? 'plain') : 'plain',
    listStyle: isOrdered ? 'ordered' : 'bullet',
    ...(args.kind === 'list' ? { placeholder: isOrdered ? '1.' : '-' } : {}),
  }
}
