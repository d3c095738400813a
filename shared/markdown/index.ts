/**
 * Markdown export (document → GitHub comment text) and import (text → document), as pure
 * functions over a Y.Doc. Export is byte-exact to the template; import never loses a word.
 */
export { exportTeam, renderTeam, type ExportTeamOptions } from './export-team'
export { exportIssue, exportSprint, templateText } from './export-issue'
export {
  importComment,
  importTarget,
  type ImportTarget,
  UNNAMED_TEAM,
  type ImportResult,
  type ImportCommentOptions,
} from './import'
export { importIssue } from './import-issue'
export { importComments, importTargets } from './import-comments'
export { MarkdownImportError, MAX_MARKDOWN_LENGTH, parseMarkdown } from './parse'
export { headingRemainder, matchSection, normalizeHeading, scoreTemplate } from './match'
export { pickTemplate } from './pick-template'
export { safeInline, safeBlock } from './sanitize'
