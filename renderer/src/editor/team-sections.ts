import type { TemplateSection } from '../../../shared/template'

/** An extra section of a team and the key of the section it follows (`''`: first). */
export interface PlacedExtra {
  def: TemplateSection
  after: string
}

/**
 * A plain list section for items whose section exists neither in the template nor among the
 * team's extra sections (a newer template, a buggy peer), as `readSprint` and the export show it.
 */
function orphanSection(key: string, level: number): TemplateSection {
  return {
    key,
    heading: key.slice(0, 200) || 'Untitled section',
    level,
    kind: 'list',
    role: 'plain',
    listStyle: 'bullet',
  }
}

/**
 * The sections the editor shows for a team, in the order `readSprint` gives them: the template's,
 * each extra section after the one it follows (extras whose anchor is gone go last), then one
 * plain section per set of items (`withItems`: section keys holding items) in no known section.
 */
export function teamSections(
  template: readonly TemplateSection[],
  extras: readonly PlacedExtra[],
  withItems: readonly string[],
  orphanLevel = 3,
): TemplateSection[] {
  const keys = new Set(template.map((s) => s.key))
  const byAnchor = new Map<string, TemplateSection[]>()
  for (const { def, after } of extras) {
    if (keys.has(def.key)) continue
    const list = byAnchor.get(after)
    if (list) list.push(def)
    else byAnchor.set(after, [def])
  }
  const out: TemplateSection[] = []
  // Depth first with an explicit stack: a long chain of anchors cannot overflow.
  const placeAfter = (key: string): void => {
    const stack = [...(byAnchor.get(key) ?? [])].reverse()
    for (let def = stack.pop(); def !== undefined; def = stack.pop()) {
      if (keys.has(def.key)) continue
      keys.add(def.key)
      out.push(def)
      const next = byAnchor.get(def.key) ?? []
      for (let i = next.length - 1; i >= 0; i--) {
        const n = next[i]
        if (n) stack.push(n)
      }
    }
  }
  placeAfter('')
  for (const def of template) {
    out.push(def)
    placeAfter(def.key)
  }
  for (const { def } of extras) {
    if (keys.has(def.key)) continue
    keys.add(def.key)
    out.push(def)
  }
  for (const key of withItems) if (!keys.has(key)) out.push(orphanSection(key, orphanLevel))
  return out
}

/**
 * The issue's global sections the editor shows: the template's, the issue's own (kept from an
 * import or added in its panel) after the section each follows, then one plain section per set
 * of global items in no known section (as `readSprint` keeps them visible).
 */
export function globalSections(
  issue: readonly TemplateSection[],
  extras: readonly PlacedExtra[],
  withItems: readonly string[],
): TemplateSection[] {
  return teamSections(issue, extras, withItems, 2)
}
