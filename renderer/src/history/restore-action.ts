import {
  announceRestore,
  restoreCheckpoint,
  type RestoreScope,
  type RestoreSummary,
} from '../../../shared/history'
import type { OpenSprint } from '../store/open-sprint'
import { loadSettings } from '../sync/sync-settings'
import { entryParts, type HistoryEntry, type HistoryModel } from './history-model'
import { historyOf } from './recorder'

/**
 * Restores a team (or the whole sprint) of the open sprint as it was at `entry`: a checkpoint of
 * the state before it first, then the restore as one undo step of this user, then a notice in
 * the sprint so every peer is told who restored what.
 */
export async function restoreFromHistory(
  sprint: OpenSprint,
  model: HistoryModel,
  entry: HistoryEntry,
  scope: RestoreScope,
  label: string,
): Promise<RestoreSummary> {
  const parts = await entryParts(model, entry)
  void historyOf(sprint.doc)?.checkpoint('restore')
  sprint.checkpoint()
  const summary = restoreCheckpoint(sprint.doc, parts, scope)
  sprint.checkpoint()
  announceRestore(sprint.doc, {
    at: Date.now(),
    clientId: sprint.doc.clientID,
    name: loadSettings().user.name,
    scope: label,
    checkpointAt: entry.at,
  })
  return summary
}

/** `2 items back, 1 removed, 3 changed` (or `nothing to change`). */
export function summaryWords(s: RestoreSummary): string {
  const parts = [
    s.teamsAdded > 0 && `${s.teamsAdded} ${s.teamsAdded === 1 ? 'team' : 'teams'} back`,
    s.teamsRemoved > 0 && `${s.teamsRemoved} ${s.teamsRemoved === 1 ? 'team' : 'teams'} removed`,
    s.itemsAdded > 0 && `${s.itemsAdded} ${s.itemsAdded === 1 ? 'item' : 'items'} back`,
    s.itemsRemoved > 0 && `${s.itemsRemoved} removed`,
    s.itemsChanged > 0 && `${s.itemsChanged} changed`,
  ].filter((x): x is string => typeof x === 'string')
  return parts.length > 0 ? parts.join(', ') : 'nothing to change'
}
