import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { LatencyLog, type HarnessConfig } from './harness-config'
import { bindTextarea } from './text-binding'

/** The IndexedDB database of a store page: one per room, so every run starts empty. */
export function storeDbName(room: string): string {
  return `harness-store-${room}`
}

/**
 * The baseline for the storage benchmark: y-indexeddb exactly as it ships (its
 * IndexeddbPersistence untouched: one row, in its own transaction, per Yjs update) and one
 * Y.Text bound to a textarea by hand, no network. `isSynced` turns true once the database is
 * open and its rows are loaded, when typing may start.
 */
export function startStorePeer(config: HarnessConfig, root: HTMLElement) {
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const persistence = new IndexeddbPersistence(storeDbName(config.room), doc)
  const log = new LatencyLog()
  const area = bindTextarea(text, root, log)
  area.disabled = true
  const peer = {
    doc,
    persistence,
    log,
    dbName: storeDbName(config.room),
    isSynced: false,
    text: () => text.toString(),
  }
  void persistence.whenSynced.then(() => {
    peer.isSynced = true
    area.disabled = false
  })
  return peer
}
