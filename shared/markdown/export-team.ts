import type * as Y from 'yjs'
import { readSprint } from '../doc/read'
import type { SectionView, TeamView } from '../doc/types'
import { LEGEND_LABELS, type TemplateDefinition, type TemplateSection } from '../template'
import { joinBlocks, layoutNumber, layoutString, type Block } from './blocks'
import { renderList } from './render-items'
import { safeBlock, safeInline } from './sanitize'
import { effectiveLegend, type Legend } from './status-text'
import { inlineHeroes, notFieldLike, sameHeroes } from './fields'
import { normalizeHeading } from './match'

/** Options of {@link exportTeam}. */
export interface ExportTeamOptions {
  /** Adds the status legend line (`✅ done · 🌀 in progress · …`) to retro and OKR sections. */
  legend?: boolean
}

/**
 * The team's GitHub comment. A team with nothing filled in gives exactly the template file with
 * `___` replaced by the team name; filled-in content is written the way teams write it. Every
 * user text goes through {@link safeInline} / {@link safeBlock}, so it stays literal on GitHub.
 * Throws when the team does not exist.
 */
export function exportTeam(doc: Y.Doc, teamId: string, options: ExportTeamOptions = {}): string {
  const view = readSprint(doc)
  const team = view.teams.find((t) => t.id === teamId)
  if (!team) throw new Error(`No team with id "${teamId}" in this sprint`)
  return renderTeam(view.template, team, options)
}

/** Renders one team (a {@link TeamView} from the reader) with a template. */
export function renderTeam(
  template: TemplateDefinition,
  team: TeamView,
  options: ExportTeamOptions = {},
): string {
  const legend = effectiveLegend(template.legend)
  const blocks: Block[] = []
  const preamble = team.sections.filter((s) => s.isExtra && s.definition.layout?.preamble === true)
  for (const s of preamble) blocks.push(...renderSection(s, team, legend, options))
  blocks.push({
    text: teamHeadingLine(template, team.name),
    gapAfter: layoutNumber(template.layout, 'gapAfterTeamHeading', 1),
  })
  for (const s of team.sections) {
    if (!preamble.includes(s)) blocks.push(...renderSection(s, team, legend, options))
  }
  return joinBlocks(blocks)
}

/** `# Team <name>` (or a bare `Team <name>` line); `null` keeps the template's `___`. */
export function teamHeadingLine(template: TemplateDefinition, name: string | null): string {
  const { level, text } = template.teamHeading
  const filled =
    name === null
      ? text
      : name.trim() === ''
        ? text.replace(/\s*___/, '').trim()
        : // Escaped as the whole line (`Team ___` is no rule, `Team # x` no heading).
          safeHeading(text.replace('___', () => name))
  return level === 0 ? filled : `${'#'.repeat(level)} ${filled}`
}

/** Heading text: inline-safe, on one line, and a trailing `#` run escaped (else it would close). */
export function safeHeading(text: string): string {
  return safeInline(text)
    .replace(/\n/g, ' ')
    .replace(/(^|\s)(#+)$/, '$1\\$2')
}

/** The blocks of one section: heading or field line, guidance, notes, then items or placeholder. */
export function renderSection(
  section: SectionView,
  team: TeamView | undefined,
  legend: Legend,
  options: ExportTeamOptions,
): Block[] {
  const def = section.definition
  const blocks: Block[] = []
  const isHeadingless = section.isExtra && def.layout?.headingless === true
  if (section.kind === 'field') {
    blocks.push(...fieldBlocks(def, team))
  } else if (!isHeadingless) {
    const heading = safeHeading(section.heading)
    // A heading of the team's own reading `Team …` goes below level 3, where a whole-sprint
    // import would take it for the next team's heading.
    const plain = normalizeHeading(section.heading)
    const isTeamLike = section.isExtra && (plain === 'team' || plain.startsWith('team '))
    const level = isTeamLike ? Math.max(4, section.level) : Math.max(1, section.level)
    blocks.push({
      text: `${'#'.repeat(level)}${heading ? ' ' + heading : ''}`,
      gapAfter: layoutNumber(def.layout, 'gapAfterHeading', 1),
    })
  }
  // Written where the team's comment had it, and for a team made in the app.
  if (def.guidance !== undefined && !isHeadingless && section.guidance !== false) {
    blocks.push({
      text: `<!--${def.guidance.replace(/--+>/g, '- ->')}-->`,
      kind: 'guidance',
      gapAfter: layoutNumber(def.layout, 'gapAfterGuidance', 1),
    })
  }
  const notes = notFieldLike(safeBlock(section.notes))
  const legendLine = options.legend && !section.isExtra ? legendLineFor(section, legend) : ''
  if (legendLine && !notes.startsWith(legendLine)) blocks.push({ text: legendLine })
  if (notes !== '') blocks.push({ text: notes })
  const person = layoutString(def.layout, 'person', '')
  const ordered = section.listStyle === 'ordered'
  const lines = renderList(section.items, {
    role: section.role,
    ordered,
    start: section.listStart,
    legend,
    person,
  })
  if (lines.length > 0) {
    // Items that read the same as the placeholder (an empty `-` where it is `- `) are written as
    // the placeholder itself: the importer takes it for one, so the text must not differ.
    const text = lines.join('\n')
    const isLikePlaceholder =
      def.placeholder !== undefined && trimLines(text) === trimLines(def.placeholder)
    blocks.push({ text: isLikePlaceholder ? (def.placeholder ?? text) : text, endsWithList: true })
  } else if (def.placeholder !== undefined && section.kind !== 'field' && !isHeadingless) {
    if (writesPlaceholder(section)) blocks.push({ text: def.placeholder, endsWithList: true })
  }
  const last = blocks.at(-1)
  if (last) last.gapAfter = layoutNumber(def.layout, 'gapAfter', 1)
  return blocks
}

/**
 * Whether a section with no items is written with the template's placeholder: where the team's
 * comment had it, never once the team filled the section or emptied it on purpose, and otherwise
 * (a section nobody touched) only while it holds no notes either.
 */
function writesPlaceholder(section: SectionView): boolean {
  return section.placeholder ?? section.notes.trim() === ''
}

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim()
}

function fieldBlocks(def: TemplateSection, team: TeamView | undefined): Block[] {
  const label = `**${def.heading}**`
  const placeholder = def.placeholder ?? '___'
  if (def.field === 'offDuring') {
    const value = safeInline(team?.offDuring ?? '').replace(/\n/g, ' ')
    return [{ text: `${label} ${value || placeholder}`, kind: 'field' }]
  }
  const heroes = team?.heroes ?? []
  const written = team?.heroText ?? ''
  // The line as the comment wrote it, while it still names the heroes the team has.
  if (written !== '' && sameHeroes(inlineHeroes(written), heroes)) {
    return [{ text: `${label} ${safeInline(written).replace(/\n/g, ' ')}`, kind: 'field' }]
  }
  if (heroes.some((h) => h.label !== '')) {
    const list = heroes.map((h) => {
      const who = h.handle ? `@${h.handle}` : ''
      return `- ${[h.label ? safeInline(h.label) + ':' : '', who].filter((p) => p).join(' ')}`
    })
    return [{ text: [label, ...list].join('\n'), endsWithList: true }]
  }
  const value = heroes.map((h) => `@${h.handle}`).join(', ')
  return [{ text: `${label} ${value || placeholder}`, kind: 'field' }]
}

function legendLineFor(section: SectionView, legend: Legend): string {
  const statuses =
    section.role === 'retro'
      ? ['done', 'partly', 'notDone', 'dropped']
      : section.role === 'okr'
        ? ['green', 'yellow', 'red']
        : []
  return statuses
    .filter((s) => legend[s])
    .map((s) => `${legend[s]} ${LEGEND_LABELS[s] ?? s}`)
    .join(' · ')
}
