import type * as Y from 'yjs'
import { change } from '../doc/transact'
import { IMPORT_ORIGIN } from '../doc/origin'
import { readTemplate } from '../doc/read'
import { findTeam } from './apply'
import {
  importComment,
  importTarget,
  type ImportCommentOptions,
  type ImportResult,
  type ImportTarget,
} from './import'
import { applyComments, readComments, teamStarts } from './import-teams'
import { MarkdownImportError, parseMarkdown } from './parse'

/**
 * Imports text holding one team comment or several pasted together (each starting at its
 * `# Team …` heading, cut as a whole issue is). One comment goes where {@link importComment}
 * puts it (`options.teamId`, else the team it names, else a new team); with several, each goes
 * to the team it names or a new team, and `options.teamId` does not apply. One transaction.
 * Throws {@link MarkdownImportError} for text over the size cap.
 */
export function importComments(
  doc: Y.Doc,
  markdown: string,
  options: ImportCommentOptions = {},
): ImportResult & { teamIds: string[] } {
  const { root, source, warnings } = parseMarkdown(markdown)
  const template = readTemplate(doc)
  const starts = teamStarts(root.children, source, template)
  if (starts.length < 2) {
    const one = importComment(doc, markdown, options)
    return { ...one, teamIds: [one.teamId] }
  }
  const comments = readComments(root.children, source, template, starts, 0)
  const teamIds = change(doc, () => applyComments(doc, comments, warnings), IMPORT_ORIGIN)
  return { teamId: teamIds[0] ?? '', teamIds, warnings: [...new Set(warnings)] }
}

/**
 * Says where {@link importComments} would write, without writing: one target per comment, in
 * order (a single comment as {@link importTarget} tells it). A comment naming a team an earlier
 * comment of the same text adds is told as that new team again (`teamId` undefined). Over the
 * size cap: one target with `error`.
 */
export function importTargets(
  doc: Y.Doc,
  markdown: string,
  options: ImportCommentOptions = {},
): ImportTarget[] {
  let parsed: ReturnType<typeof parseMarkdown>
  try {
    parsed = parseMarkdown(markdown)
  } catch (e) {
    if (e instanceof MarkdownImportError) return [{ error: e.message }]
    throw e
  }
  const { root, source } = parsed
  const template = readTemplate(doc)
  const starts = teamStarts(root.children, source, template)
  if (starts.length < 2) return [importTarget(doc, markdown, options)]
  return readComments(root.children, source, template, starts, 0).map(({ name }) => ({
    name,
    teamId: findTeam(doc, name ?? '', undefined),
  }))
}
