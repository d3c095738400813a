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
