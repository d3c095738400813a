import { TEAM_2024 } from './team-2024'
import type { TemplateDefinition } from './types'

export * from './types'
export { DEFAULT_LEGEND } from './legend'

/** Every built-in template, by id. The first is the default. */
export const TEMPLATES: readonly TemplateDefinition[] = [TEAM_2024]

/** The default template id. */
export const DEFAULT_TEMPLATE_ID = 'team-2024'

/** Looks up a built-in template by id; `undefined` when there is none. Returns a deep copy. */
export function getTemplate(id: string): TemplateDefinition | undefined {
  const found = TEMPLATES.find((t) => t.id === id)
  return found ? structuredClone(found) : undefined
}

/** The default template (a deep copy, safe to store in a document). */
export function defaultTemplate(): TemplateDefinition {
  const t = getTemplate(DEFAULT_TEMPLATE_ID)
  if (!t) throw new Error('default template missing')
  return t
}
