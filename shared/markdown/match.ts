import type { TemplateDefinition, TemplateSection } from '../template'

/**
 * Fuzzy recognition of headings and field labels: a heading is compared with the template's own
 * heading and with the synonyms teams have used over the years, after normalising case,
 * punctuation and emoji (`## High Prio`, `## Low priority / side quests]`, `## Quarter goals`).
 */

/** Synonyms per section key (normalised). A heading matches when it equals or starts with one. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  supportHero: ['support hero', 'support heroes', 'support heros'],
  offDuring: ['off during the sprint', 'off during sprint', 'time off', 'out of office', 'ooo'],
  retro: ['retro', 'retrospective', 'last sprint'],
  hangover: ['hang over', 'hangover', 'hang overs', 'hangovers', 'carry over', 'carried over'],
  okr: ['okr', 'okrs', 'quarter goals', 'quarterly goals', 'objectives', 'goals'],
  high: ['high priority', 'high prio', 'high prios'],
  low: ['low priority', 'low prio', 'side quests'],
  impacted: ['are any other teams impacted', 'other teams impacted', 'impacted teams'],
  planning: ['planning'],
  plan: ['plan'],
  takeDown: ['3 things that might take us down', 'things that might take us down'],
}

/** Lower case, letters, digits and single spaces only. */
export function normalizeHeading(text: string): string {
  const hit = NORMALIZED.get(text)
  if (hit !== undefined) return hit
  const out = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  // Headings repeat (every team's comment has the template's): memoised, bounded.
  if (NORMALIZED.size > 10_000) NORMALIZED.clear()
  NORMALIZED.set(text, out)
  return out
}

const NORMALIZED = new Map<string, string>()

function startsWithWords(text: string, prefix: string): boolean {
  return text === prefix || text.startsWith(prefix + ' ')
}

/**
 * The template section a heading stands for, or `undefined`. An exact match of a section's own
 * heading wins over a synonym (`Retro` is the group `## Retro` in 2025, not `### Tasks`).
 */
export function matchSection(
  heading: string,
  sections: readonly TemplateSection[],
): TemplateSection | undefined {
  const h = normalizeHeading(heading)
  if (h === '') return undefined
  const exact = sections.find((s) => normalizeHeading(s.heading) === h)
  if (exact) return exact
  let best: { section: TemplateSection; length: number } | undefined
  for (const s of sections) {
    for (const syn of SYNONYMS[s.key] ?? []) {
      if (startsWithWords(h, syn) && (!best || syn.length > best.length)) {
        best = { section: s, length: syn.length }
      }
    }
  }
  return best?.section
}

/**
 * The words of a heading beyond what matched its section (`High priority (carried over from the
 * offsite)` → `(carried over from the offsite)`), so the importer can keep them; `''` when the
 * heading is the section's own (in any case and punctuation) or a synonym of it.
 */
export function headingRemainder(heading: string, section: TemplateSection): string {
  const h = normalizeHeading(heading)
  const candidates = [normalizeHeading(section.heading), ...(SYNONYMS[section.key] ?? [])]
  if (candidates.includes(h)) return ''
  const matched = candidates
    .filter((c) => c !== '' && startsWithWords(h, c))
    .sort((a, b) => b.length - a.length)[0]
  if (matched === undefined) return ''
  const words = matched.split(' ').length
  const prefix = new RegExp(`^(?:[^\\p{L}\\p{N}]*[\\p{L}\\p{N}]+){${words}}`, 'u')
  return heading
    .replace(prefix, '')
    .replace(/^[\s:,;.\-–—]+/u, '')
    .trim()
}

/** Which field a label (`Support hero`, `Off during the sprint`) names, if any. */
export function matchFieldLabel(label: string): 'supportHero' | 'offDuring' | undefined {
  const h = normalizeHeading(label)
  if (h === '') return undefined
  for (const key of ['supportHero', 'offDuring'] as const) {
    if ((SYNONYMS[key] ?? []).some((syn) => h === syn)) return key
  }
  return undefined
}

/**
 * Scores how well a template fits the headings of a comment: an exact heading match counts 2, a
 * synonym 1, a template section the comment lacks costs 1 (so a 2025 comment prefers a 2025
 * template over the default one).
 */
export function scoreTemplate(template: TemplateDefinition, headings: readonly string[]): number {
  let score = 0
  const seen = new Set<string>()
  for (const heading of headings) {
    const s = matchSection(heading, template.sections)
    if (!s || seen.has(s.key)) continue
    seen.add(s.key)
    score += normalizeHeading(s.heading) === normalizeHeading(heading) ? 2 : 1
  }
  return score - template.sections.filter((s) => !seen.has(s.key)).length
}
