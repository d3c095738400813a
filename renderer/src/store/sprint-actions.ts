import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import {
  IMPORT_ORIGIN,
  createSprint,
  migrate,
  newId,
  readMeta,
  setSprintMeta,
  teamsMap,
} from '../../../shared/doc'
import { copySprint, startNextSprint } from '../../../shared/doc/next-sprint'
import type { TemplateDefinition } from '../../../shared/template'
import { importIssue } from '../../../shared/markdown'
import { decodeSprintFile, readSprintFile } from '../../../shared/file'
import { decodeHistory, recordEditor, type HistoryArchive } from '../../../shared/history'
import { loadSettings } from '../sync/sync-settings'
import { deleteHistoryData, HistoryStore } from '../history/history-store'
import { HistoryRecorder } from '../history/recorder'
import { forgetSummary } from '../overview/summary-store'
import { sprintDbName } from './open-sprint'
import type { SprintEntry, SprintRegistry } from './registry'

/**
 * Runs `fill` on a sprint's document stored on this device (loaded first), waits until the
 * result is written to IndexedDB, records the sprint in the registry and closes the document.
 */
async function withStoredDoc(
  registry: SprintRegistry,
  id: string,
  fill: (doc: Y.Doc) => void,
): Promise<SprintEntry> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(sprintDbName(id), doc)
  try {
    await persistence.whenSynced
    fill(doc)
    // Whoever made the sprint (or this part of it) is named in its history.
    if (Y.getState(doc.store, doc.clientID) > 0) recordEditor(doc, loadSettings().user)
    await committed(persistence)
    const meta = readMeta(doc)
    const entry: SprintEntry = {
      id,
      title: meta.title,
      startDate: meta.startDate,
      endDate: meta.endDate,
      teamCount: teamsMap(doc).size,
      createdAt: meta.createdAt || Date.now(),
      updatedAt: Date.now(),
    }
    await registry.put(entry)
    return entry
  } finally {
    await persistence.destroy()
    doc.destroy()
  }
}

function committed(persistence: IndexeddbPersistence): Promise<void> {
  const db = persistence.db
  if (!db) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readonly')
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB error'))
  })
}

/** Loads a stored sprint's document read-only (the caller destroys it). */
export async function loadDoc(id: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const persistence = new IndexeddbPersistence(sprintDbName(id), doc)
  await persistence.whenSynced
  await persistence.destroy()
  migrate(doc)
  return doc
}

export interface NewSprintArgs {
  title: string
  startDate: string
  endDate: string
  template: TemplateDefinition
}

/** Creates an empty sprint on this device. */
export function createNewSprint(
  registry: SprintRegistry,
  args: NewSprintArgs,
): Promise<SprintEntry> {
  const id = newId()
  return withStoredDoc(registry, id, (doc) => createSprint(doc, { id, ...args }))
}

/** Starts the sprint after `prevId` (carry-over of teams, OKRs, retro and hang-over items). */
export async function createNextSprint(
  registry: SprintRegistry,
  prevId: string,
  args: Omit<NewSprintArgs, 'template'>,
): Promise<SprintEntry> {
  const prev = await loadDoc(prevId)
  try {
    // The previous sprint as it was carried over stays in its history.
    const store = await HistoryStore.open(prevId)
    await HistoryRecorder.once(prev, store, 'next-sprint').finally(() => store.close())
    const id = newId()
    return await withStoredDoc(registry, id, (doc) => startNextSprint(prev, doc, { ...args, id }))
  } finally {
    prev.destroy()
  }
}

/** Duplicates a sprint under a new id. */
export async function duplicateSprint(
  registry: SprintRegistry,
  sourceId: string,
  title: string,
): Promise<SprintEntry> {
  const source = await loadDoc(sourceId)
  try {
    const id = newId()
    return await withStoredDoc(registry, id, (doc) => copySprint(source, doc, { id, title }))
  } finally {
    source.destroy()
  }
}

/** Creates a sprint from a whole issue body (global sections and every team). */
export async function importIssueAsSprint(
  registry: SprintRegistry,
  args: NewSprintArgs & { markdown: string },
): Promise<{ entry: SprintEntry; warnings: string[] }> {
  const id = newId()
  let warnings: string[] = []
  const entry = await withStoredDoc(registry, id, (doc) => {
    createSprint(doc, {
      id,
      title: args.title,
      startDate: args.startDate,
      endDate: args.endDate,
      template: args.template,
    })
    warnings = importIssue(doc, args.markdown).warnings
  })
  return { entry, warnings }
}

/**
 * Opens a .sprintpad file: its document is merged into the sprint with the same id on this
 * device (or creates it), and the checkpoints of a history it carries join the sprint's history.
 * Throws the file format's error on a bad file (or bad history), before writing anything.
 */
export async function openSprintFile(
  registry: SprintRegistry,
  bytes: Uint8Array,
): Promise<SprintEntry> {
  const file = readSprintFile(bytes)
  const history: HistoryArchive | undefined = file.history ? decodeHistory(file.history) : undefined
  const entry = await storeSprintUpdate(registry, file.update)
  if (history) {
    const store = await HistoryStore.open(entry.id)
    await store.importArchive(history).finally(() => store.close())
  }
  return entry
}

/**
 * Stores a whole sprint received as a Yjs update (a file, a peer) on this device: merged into
 * the sprint with the same id, or created. Throws when the update holds no sprint id.
 */
export async function storeSprintUpdate(
  registry: SprintRegistry,
  update: Uint8Array,
): Promise<SprintEntry> {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, update)
  const id = readMeta(probe).id
  probe.destroy()
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('This file holds no sprint id.')
  return withStoredDoc(registry, id, (doc) => Y.applyUpdate(doc, update, IMPORT_ORIGIN))
}

/** Deletes a sprint's stored document and its history for good. */
export async function deleteSprintData(id: string): Promise<void> {
  await deleteHistoryData(id)
  await forgetSummary(id)
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(sprintDbName(id))
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error ?? new Error('could not delete'))
    req.onblocked = () => resolve()
  })
}

/** Renames a stored sprint (the document is the source of truth; the list follows). */
export function renameSprint(
  registry: SprintRegistry,
  id: string,
  title: string,
): Promise<SprintEntry> {
  return withStoredDoc(registry, id, (doc) => setSprintMeta(doc, { title }))
}

/** Makes a new sprint from a backup (.sprintpad bytes), titled as restored; the original stays. */
export async function restoreAsCopy(
  registry: SprintRegistry,
  bytes: Uint8Array,
): Promise<SprintEntry> {
  const source = new Y.Doc()
  Y.applyUpdate(source, decodeSprintFile(bytes))
  try {
    const id = newId()
    const title = `${readMeta(source).title} (restored)`
    return await withStoredDoc(registry, id, (doc) => copySprint(source, doc, { id, title }))
  } finally {
    source.destroy()
  }
}
