import type * as Actions from './sprint-actions'

/**
 * The sprints list's actions, loaded on first use: `sprint-actions` brings Yjs, y-indexeddb, the
 * Markdown importer, the file format and the history recorder, none of which the first screen
 * needs to show the list (they are a chunk of their own, fetched when the user acts, or as soon
 * as a sprint opens). Same signatures as the module's own.
 */
let loading: Promise<typeof Actions> | undefined
function load(): Promise<typeof Actions> {
  loading ??= import('./sprint-actions')
  return loading
}

export const createNewSprint: typeof Actions.createNewSprint = async (...a) =>
  (await load()).createNewSprint(...a)
export const createNextSprint: typeof Actions.createNextSprint = async (...a) =>
  (await load()).createNextSprint(...a)
export const deleteSprintData: typeof Actions.deleteSprintData = async (...a) =>
  (await load()).deleteSprintData(...a)
export const duplicateSprint: typeof Actions.duplicateSprint = async (...a) =>
  (await load()).duplicateSprint(...a)
export const importIssueAsSprint: typeof Actions.importIssueAsSprint = async (...a) =>
  (await load()).importIssueAsSprint(...a)
export const openSprintFile: typeof Actions.openSprintFile = async (...a) =>
  (await load()).openSprintFile(...a)
export const renameSprint: typeof Actions.renameSprint = async (...a) =>
  (await load()).renameSprint(...a)
export const storeSprintUpdate: typeof Actions.storeSprintUpdate = async (...a) =>
  (await load()).storeSprintUpdate(...a)
