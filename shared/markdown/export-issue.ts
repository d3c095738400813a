import type * as Y from 'yjs'
import { readSprint } from '../doc/read'
import type { SectionView, SprintView, TeamView } from '../doc/types'
import { AFTER_TEMPLATE, TEMPLATES, type TemplateDefinition } from '../template'
import { joinBlocks, layoutString, type Block } from './blocks'
import { renderSection, renderTeam } from './export-team'
import { safeInline } from './sanitize'
import { effectiveLegend } from './status-text'

/** The issue part of a template, falling back to the default template's when it has none. */
export function issueOf(template: TemplateDefinition): NonNullable<TemplateDefinition['issue']> {
  const fallback = TEMPLATES[0]?.issue
  const issue = template.issue ?? fallback
  if (!issue) throw new Error('no issue template')
  return issue
}

/** The template itself as a team comment (the `___` kept), for the fenced copy in the issue. */
export function templateText(template: TemplateDefinition): string {
  const team: TeamView = {
    id: '',
    name: '',
    order: '',
    heroes: [],
    heroText: '',
    offDuring: '',
    members: [],
    sections: template.sections.map(emptySection),
  }
  const text = renderTeam(template, team)
  const { level, text: heading } = template.teamHeading
  const filled = level === 0 ? heading : `${'#'.repeat(level)} ${heading}`
  // renderTeam fills the name; the template keeps its blank.
  return filled + text.slice(text.indexOf('\n'))
}

function emptySection(def: TemplateDefinition['sections'][number]): SectionView {
  return {
    key: def.key,
    heading: def.heading,
    level: def.level,
    kind: def.kind === 'field' ? 'field' : def.kind === 'group' ? 'group' : 'list',
    role:
      def.role === 'retro' || def.role === 'okr' || def.role === 'hangover' ? def.role : 'plain',
    listStyle: def.listStyle,
    listStart: 1,
    definition: def,
    isExtra: false,
    notes: '',
    items: [],
  }
}

/**
 * The sprint issue body: the issue title, the global sections, then the team template in a
 * fenced block (as in `issue-2024.md`). A fresh sprint gives that file byte for byte.
 */
export function exportIssue(doc: Y.Doc): string {
  return renderIssue(readSprint(doc))
}

/** Renders the issue body of a sprint view (see {@link exportIssue}). */
export function renderIssue(view: SprintView): string {
  const issue = issueOf(view.template)
  const legend = effectiveLegend(view.template.legend)
  const blocks: Block[] = [{ text: `# ${safeInline(issue.title).replace(/\n/g, ' ')}` }]
  const sections = view.template.issue ? view.globalSections : issue.sections.map(emptySection)
  const isBelow = (s: SectionView): boolean =>
    s.isExtra && s.definition.layout?.[AFTER_TEMPLATE] === true
  for (const s of sections) {
    if (!isBelow(s)) blocks.push(...renderSection(s, undefined, legend, {}))
  }
  const heading = layoutString(issue.layout, 'templateHeading', 'Team sprint planning')
  const intro = layoutString(issue.layout, 'templateIntro', '')
  blocks.push({ text: `# ${heading}` })
  if (intro) blocks.push({ text: intro })
  const body = templateText(view.template) + (issue.layout?.fenceTrailingBlank ? '\n' : '')
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1))
  blocks.push({ text: `${fence}\n${body}${fence}` })
  for (const s of sections) if (isBelow(s)) blocks.push(...renderSection(s, undefined, legend, {}))
  return joinBlocks(blocks)
}

function longestBacktickRun(text: string): number {
  let best = 0
  for (const m of text.matchAll(/`+/g)) best = Math.max(best, m[0].length)
  return best
}

/** The whole sprint in one text: the issue body, then every team's comment, a blank line apart. */
export function exportSprint(doc: Y.Doc): string {
  const view = readSprint(doc)
  const parts = [renderIssue(view), ...view.teams.map((t) => renderTeam(view.template, t))]
  return parts.join('\n')
}
