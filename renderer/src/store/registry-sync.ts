import * as Y from 'yjs'
import { GLOBAL_TEAM, readMeta, teamsMap } from '../../../shared/doc'
import type { SprintEntry, SprintRegistry } from './registry'

/** What the sprints list shows of a sprint, read from its document. */
export type EntryFields = Pick<
  SprintEntry,
  'title' | 'startDate' | 'endDate' | 'teamCount' | 'createdAt'
>

/** The list fields of a sprint's document; only well-formed teams count (as the editor shows). */
export function entryFieldsOf(doc: Y.Doc): EntryFields {
  const meta = readMeta(doc)
  let teamCount = 0
  teamsMap(doc).forEach((v, id) => {
    if (v instanceof Y.Map && id !== GLOBAL_TEAM) teamCount++
  })
  return {
    title: meta.title,
    startDate: meta.startDate,
    endDate: meta.endDate,
    teamCount,
    createdAt: meta.createdAt,
  }
}

/**
 * Brings a sprint's list entry in line with its document, once the list is loaded from disk (a
 * write before that would be overwritten by the load). `isEdit` marks the sprint as edited now;
 * otherwise only fields that differ are written, so opening a sprint never reorders the list.
 */
export async function syncRegistryEntry(
  registry: SprintRegistry,
  id: string,
  doc: Y.Doc,
  isEdit: boolean,
): Promise<void> {
  await registry.whenLoaded
  const fields = entryFieldsOf(doc)
  const cur = registry.get(id)
  if (!cur) {
    await registry.put({
      id,
      ...fields,
      createdAt: fields.createdAt || Date.now(),
      updatedAt: Date.now(),
    })
    return
  }
  const patch: Partial<SprintEntry> = { ...fields, createdAt: fields.createdAt || cur.createdAt }
  if (isEdit) patch.updatedAt = Date.now()
  await registry.update(id, patch)
}
