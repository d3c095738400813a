import type * as Y from 'yjs'
import type { RootContent } from 'mdast'
import { change } from '../doc/transact'
import { IMPORT_ORIGIN } from '../doc/origin'
import { GLOBAL_TEAM } from '../doc/schema'
import { readTemplate } from '../doc/read'
import { AFTER_TEMPLATE, type TemplateDefinition } from '../template'
import { applyToTeam } from './apply'
import { issueOf, templateText } from './export-issue'
import type { ImportResult } from './import'
import { applyComments, readComments, teamStarts } from './import-teams'
import { normalizeHeading } from './match'
import { parseMarkdown, plainText, sliceOf } from './parse'
import { effectiveLegend } from './status-text'
import { walkNodes, type ParsedSection } from './walk'

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
  const comments = readComments(root.children, source, template, starts)
  const teamIds = change(
    doc,
    () => {
      importGlobal(doc, globalNodes, source, template)
      return applyComments(doc, comments, warnings)
    },
    IMPORT_ORIGIN,
  )
  if (starts.length === 0)
    warnings.push('no "# Team …" comment found; everything was read into the issue\'s own sections')
  return { teamId: teamIds[0] ?? GLOBAL_TEAM, teamIds, warnings: [...new Set(warnings)] }
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
