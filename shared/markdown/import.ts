import type * as Y from 'yjs'
import type { Heading, Nodes, Paragraph, RootContent } from 'mdast'
import { change } from '../doc/transact'
import { IMPORT_ORIGIN } from '../doc/origin'
import { readTemplate } from '../doc/read'
import { TEMPLATES, type TemplateDefinition, type TemplateSection } from '../template'
import { applyToTeam, createTeam, findTeam } from './apply'
import { issueOf } from './export-issue'
import { normalizeHeading } from './match'
import { MarkdownImportError, parseMarkdown, plainText, sliceOf, span } from './parse'
import { effectiveLegend } from './status-text'
import { headingSource, walkNodes, type ParsedComment, type ParsedSection } from './walk'

/** What an import did: the team written to, and what it had to repair or could not read. */
export interface ImportResult {
  teamId: string
  warnings: string[]
}

/** Options of {@link importComment}. */
export interface ImportCommentOptions {
  /** Merge into this team instead of one found by name or a new one. */
  teamId?: string
}

/** Name given to a team whose comment has no `Team …` heading. */
export const UNNAMED_TEAM = 'Unnamed'

/** Every section any built-in template has, by key (the first era that has it wins). */
function catalog(): TemplateSection[] {
  const out = new Map<string, TemplateSection>()
  for (const t of TEMPLATES) for (const s of t.sections) if (!out.has(s.key)) out.set(s.key, s)
  return [...out.values()]
}

/**
 * Imports one team comment: adds a team, or merges into `options.teamId` or the team with the
 * same name. Parsed with a GFM parser and mapped onto the sprint's template; whatever is not
 * understood is kept as notes or as sections of the team's own. One transaction (import origin).
 * Throws {@link MarkdownImportError} for text over the size cap; never throws otherwise.
 */
export function importComment(
  doc: Y.Doc,
  markdown: string,
  options: ImportCommentOptions = {},
): ImportResult {
  const { root, source, warnings } = parseMarkdown(markdown)
  const template = readTemplate(doc)
  const { name, parsed } = readComment(root.children, source, template)
  const { teamId, isNew } = change(
    doc,
    () => {
      const found = findTeam(doc, name ?? '', options.teamId)
      const id = found ?? createTeam(doc, name ?? UNNAMED_TEAM)
      applyToTeam(doc, id, parsed, found === undefined)
      return { teamId: id, isNew: found === undefined }
    },
    IMPORT_ORIGIN,
  )
  if (name === undefined)
    warnings.push(
      isNew
        ? `no "Team …" heading found; imported as a new team named "${UNNAMED_TEAM}"`
        : 'no "Team …" heading found; merged into the chosen team',
    )
  return { teamId, warnings: [...warnings, ...keptWarnings(parsed, root.children)] }
}

/** Where {@link importComment} would write a comment, told before importing it. */
export interface ImportTarget {
  /** The team name the comment's heading gives, if it has one. */
  name?: string
  /** The existing team it would merge into; `undefined`: it would add a new team. */
  teamId?: string
  /** Why the text cannot be imported at all (over the size cap). */
  error?: string
}

/**
 * Says where `importComment(doc, markdown, options)` would write, without writing: the chosen
 * team, else the team of the same name, else a new one. Parses the text as the import does.
 */
export function importTarget(
  doc: Y.Doc,
  markdown: string,
  options: ImportCommentOptions = {},
): ImportTarget {
  let parsedText: ReturnType<typeof parseMarkdown>
  try {
    parsedText = parseMarkdown(markdown)
  } catch (e) {
    if (e instanceof MarkdownImportError) return { error: e.message }
    throw e
  }
  const { root, source } = parsedText
  const { name } = readComment(root.children, source, readTemplate(doc))
  return { name, teamId: findTeam(doc, name ?? '', options.teamId) }
}

/** Says which headings were not template sections and were kept as the team's own. */
export function keptWarnings(parsed: ParsedComment, nodes: readonly RootContent[]): string[] {
  const out = parsed.sections
    .filter((s) => s.isExtra && s.def.heading !== '' && s.def.layout?.person === undefined)
    .filter((s) => !TEMPLATES.some((t) => t.sections.some((d) => d.key === s.key)))
    .map((s) => `kept the unknown section "${s.def.heading}" as a section of the team's own`)
  if (openDetails(nodes) > 0) {
    out.push(
      'a <details> block is never closed: on GitHub everything after it stays folded (kept as written; add </details> where it should end)',
    )
  }
  return out
}

/** How many `<details>` blocks the comment's HTML opens and never closes. */
function openDetails(nodes: readonly RootContent[]): number {
  let open = 0
  const count = (html: string): void => {
    open += (html.match(/<details\b/gi) ?? []).length
    open = Math.max(0, open - (html.match(/<\/details\s*>/gi) ?? []).length)
  }
  const walk = (n: Nodes): void => {
    if (n.type === 'html') count(n.value)
    if (n.type === 'paragraph') n.data?.inlineHtml?.forEach(count)
    if ('children' in n) for (const c of n.children) walk(c as Nodes)
  }
  for (const n of nodes) walk(n)
  return open
}

/** Reads a comment's nodes: the team name (if any heading names it) and its sections. */
export function readComment(
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
): { name?: string; parsed: ParsedComment } {
  const at = teamHeadingIndex(nodes, source, template)
  const opts = {
    source,
    sections: template.sections,
    catalog: catalog(),
    legend: effectiveLegend(template.legend),
  }
  if (at < 0) return { parsed: walkNodes(nodes, opts) }
  const preamble = nodes.slice(0, at)
  const body = walkNodes(nodes.slice(at + 1), opts)
  if (preamble.length > 0) {
    const [a] = span(preamble[0] as RootContent)
    const [, b] = span(preamble.at(-1) as RootContent)
    body.sections.unshift(preambleSection(source.slice(a, b)))
  }
  return { name: teamName(nodes[at] as Heading | Paragraph, source), parsed: body }
}

/** The section of a team holding what its comment has before the team heading. */
export function preambleSection(notes: string): ParsedSection {
  return {
    key: 'x0',
    def: {
      key: 'x0',
      heading: '',
      level: 0,
      kind: 'list',
      role: 'plain',
      listStyle: 'bullet',
      layout: { headingless: true, preamble: true },
    },
    isExtra: true,
    notes: [notes],
    items: [],
  }
}

function isTeamText(text: string): boolean {
  const n = normalizeHeading(text)
  return n === 'team' || n.startsWith('team ')
}

/** Index of the team heading: a `# Team X` heading, else a paragraph starting `Team X`. */
export function teamHeadingIndex(
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
  allowBare = true,
  maxDepth = 3,
): number {
  const skip = normalizeHeading(issueOf(template).layout?.templateHeading?.toString() ?? '')
  const h = nodes.findIndex(
    (n) =>
      n.type === 'heading' &&
      n.depth <= Math.min(3, maxDepth) &&
      isTeamText(plainText(n)) &&
      normalizeHeading(plainText(n)) !== skip,
  )
  if (h >= 0 || !allowBare) return h
  return nodes.findIndex(
    (n) =>
      n.type === 'paragraph' &&
      !sliceOf(source, n).includes('\n') &&
      /^team(\s|$)/i.test(sliceOf(source, n)),
  )
}

function teamName(node: Heading | Paragraph, source: string): string {
  const raw = node.type === 'heading' ? headingSource(node, source) : sliceOf(source, node).trim()
  return raw.replace(/^team(\s+|$)/i, '').trim()
}
