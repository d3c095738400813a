/**
 * Version history of a sprint, as pure functions over a Y.Doc: capturing checkpoints (parts by
 * content hash, with their exported Markdown), who changed what (Yjs client ids named through the
 * `editors` map), the retention rule, Markdown diffs, restoring a team or the sprint as a new
 * change, and the history's file encoding. Storage (IndexedDB) lives in the renderer.
 */
export * from './types'
export {
  captureSprint,
  hashPart,
  SPRINT_PART_LABEL,
  type Capture,
  type CapturedPart,
} from './capture'
export {
  authorsOf,
  changesSince,
  editorSchema,
  mergeAuthors,
  readEditors,
  recordEditor,
  type Changes,
  type Editor,
} from './authors'
export {
  APART_MS,
  DEFAULT_RETENTION,
  EDITING_INTERVAL_MS,
  checkpointsToKeep,
  isAfterBeingApart,
  isEditingCheckpointDue,
  startOfDay,
  type RetentionRule,
  type Timed,
} from './policy'
export { diffMarkdown, formatDiff, type DiffHunk, type DiffLine, type MarkdownDiff } from './diff'
export { restoreCheckpoint, RestoreError, type RestoreScope, type RestoreSummary } from './restore'
export { docFromCheckpoint } from './materialize'
export { announceRestore, readRestores, restoreNoticeSchema, type RestoreNotice } from './notices'
export { decodeHistory, encodeHistory, HistoryFormatError, type HistoryArchive } from './archive'
export { changedParts, type PartChange } from './compare'
