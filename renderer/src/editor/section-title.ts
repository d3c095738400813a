import type { TemplateSection } from '../../../shared/template'

/**
 * The heading a section shows in the editor. Sections the importer kept without a heading (prose
 * before the team heading, an untitled continuation) get a descriptive name, so they are never
 * an empty, invisible block. The exported Markdown is unaffected.
 */
export function sectionTitle(def: Pick<TemplateSection, 'heading' | 'layout'>): string {
  if (def.heading.trim()) return def.heading
  return def.layout?.preamble === true ? 'Before the team heading' : 'Untitled section'
}
