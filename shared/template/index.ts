import { TEAM_2021 } from './team-2021'
import { TEAM_2023 } from './team-2023'
import { TEAM_2024 } from './team-2024'
import { TEAM_2025_Q1, TEAM_2025_Q3, TEAM_2025_Q4 } from './team-2025'
import type { TemplateDefinition } from './types'

export * from './types'
export { DEFAULT_LEGEND, LEGEND_LABELS } from './legend'

/**
 * Every built-in template, by id (the ids are the fixture file names). The first is the default;
 * the others follow in era order.
 */
export const TEMPLATES: readonly TemplateDefinition[] = [
  TEAM_2024,
  TEAM_2021,
  TEAM_2023,
  TEAM_2025_Q1,
  TEAM_2025_Q3,
  TEAM_2025_Q4,
]

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
export {
  addSection,
  moveSection,
  newSection,
  type NewSectionArgs,
  customTemplate,
  removeSection,
  renameSection,
  TemplateEditError,
} from './custom'
export { AFTER_TEMPLATE, ISSUE_2024 } from './issue'
