import type * as Y from 'yjs'
import type { RootContent } from 'mdast'
import { change } from '../doc/transact'
import { IMPORT_ORIGIN } from '../doc/origin'
import { GLOBAL_TEAM } from '../doc/schema'
import { readTemplate } from '../doc/read'
import type { TemplateDefinition } from '../template'
import { applyToTeam, createTeam, findTeam } from './apply'
import { AFTER_TEMPLATE, issueOf, templateText } from './export-issue'
import {
  keptWarnings,
  preambleSection,
  readComment,
  teamHeadingIndex,
  UNNAMED_TEAM,
  type ImportResult,
} from './import'
import { normalizeHeading } from './match'
import { parseMarkdown, plainText, sliceOf } from './parse'
import { effectiveLegend } from './status-text'
import { walkNodes, type ParsedComment, type ParsedSection } from './walk'

/**
 * Imports a whole sprint issue body: the global sections (the title and the fenced copy of the
 * template are recognised and skipped), then every team comment found after it (each starting
 * at a `# Team …` heading). One transaction. Throws {@link MarkdownImportError} for text over
 * the size cap.
 */
export function importIssue(doc: Y.Doc, markdown: string): ImportResult & { teamIds: string[] } {
  const { root, source, warnings } = parseMarkdown(markdown)
  const template = readTemplate(doc)
  const starts = teamStarts(root.children, source, template)
  const globalNodes = root.children.slice(0, starts[0] ?? root.children.length)
  const teamIds = change(
    doc,
    () => {
      importGlobal(doc, globalNodes, source, template)
      let between: string[] = []
      return starts.map((start, i) => {
        const nodes = root.children.slice(start, starts[i + 1] ?? root.children.length)
        const { name, parsed } = readComment(nodes, source, template)
        if (between.length > 0) parsed.sections.unshift(preambleSection(between.join('\n\n')))
        // Prose after a team's last section and before the next team's heading is the next
        // team's (a lead's note above it), not an untitled section at the end of this one.
        between = i + 1 < starts.length ? takeTrailingProse(parsed) : []
        // Several teams in one issue: say whose comment each warning is about.
        const who = `${name ?? UNNAMED_TEAM}: `
        warnings.push(...keptWarnings(parsed, nodes).map((w) => who + w))
        const found = findTeam(doc, name ?? '', undefined)
        const id = found ?? createTeam(doc, name ?? UNNAMED_TEAM)
        applyToTeam(doc, id, parsed, found === undefined)
        return id
      })
    },
    IMPORT_ORIGIN,
  )
  if (starts.length === 0)
    warnings.push('no "# Team …" comment found; everything was read into the issue\'s own sections')
  return { teamId: teamIds[0] ?? GLOBAL_TEAM, teamIds, warnings: [...new Set(warnings)] }
}

/**
 * Takes off a comment's last section when it is only prose the walker put after the last list
 * (a headingless section without items), returning its notes.
 */
function takeTrailingProse(parsed: ParsedComment): string[] {
  const last = parsed.sections.at(-1)
  const layout = last?.def.layout
  if (!last?.isExtra || layout?.headingless !== true || layout.preamble === true) return []
  if (last.items.length > 0 || last.notes.length === 0) return []
  parsed.sections.pop()
  return last.notes
}

function teamStarts(
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
): number[] {
  const out: number[] = []
  let offset = 0
  // Teams start at headings as deep as the first team's (or shallower): a `## Team goals`
  // section inside a `# Team X` comment is not a team of its own.
  let depth = 6
  for (;;) {
    // In a whole issue a bare `Team X` line only starts a team when the template writes it so.
    const bare = template.teamHeading.level === 0
    const rest = nodes.slice(offset)
    const i = teamHeadingIndex(rest, source, template, bare, depth)
    if (i < 0) return out
    const node = rest[i]
    if (out.length === 0 && node?.type === 'heading') depth = node.depth
    out.push(offset + i)
    offset += i + 1
  }
}

/**
 * Reads the issue's global part into the issue's sections: the template's ("3 things that might
 * take us down") by heading, and every other heading, list or prose as a section of the issue's
 * own (an extra section of the global team), in the order written, so the export gives it back
 * as it was. The title, the "Team sprint planning" heading, its intro and the fenced copy of the
 * template are the exporter's own and are skipped.
 */
function importGlobal(
  doc: Y.Doc,
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
): void {
  const issue = issueOf(template)
  const heading = normalizeHeading(String(issue.layout?.templateHeading ?? ''))
  const intro = String(issue.layout?.templateIntro ?? '').trim()
  const fenced = templateText(template).trim()
  const isOwn = (n: RootContent, i: number): boolean =>
    (i === 0 && n.type === 'heading' && plainText(n).trim() === issue.title) ||
    (n.type === 'paragraph' && sliceOf(source, n).trim() === intro) ||
    (n.type === 'code' && n.value.trim() === fenced)
  const at = nodes.findIndex(
    (n) => n.type === 'heading' && normalizeHeading(plainText(n)) === heading,
  )
  const walk = (part: readonly RootContent[], offset: number): ParsedSection[] =>
    walkNodes(
      part.filter((n, i) => !isOwn(n, i + offset)),
      {
        source,
        sections: issue.sections,
        catalog: [],
        legend: effectiveLegend(template.legend),
        hasPersonHeadings: false,
      },
    ).sections
  const above = walk(at < 0 ? nodes : nodes.slice(0, at), 0)
  // What follows the fenced template stays below it.
  const below = at < 0 ? [] : walk(nodes.slice(at + 1), at + 1)
  for (const sec of below) {
    if (sec.isExtra) sec.def = { ...sec.def, layout: { ...sec.def.layout, [AFTER_TEMPLATE]: true } }
  }
  applyToTeam(doc, GLOBAL_TEAM, { sections: [...above, ...below] }, false)
}
