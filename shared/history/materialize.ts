import * as Y from 'yjs'
import { META, SCHEMA_VERSION, metaMap } from '../doc/schema'
import { IMPORT_ORIGIN } from '../doc/origin'
import { change } from '../doc/transact'
import { restoreCheckpoint } from './restore'
import type { PartBlob } from './types'

/**
 * A new document holding the sprint as it was at a checkpoint (for exporting it, e.g. the CLI's
 * `export --at N`). Teams and items get ids derived from the checkpoint (see
 * `restoreCheckpoint`); the content and its Markdown are the checkpoint's.
 */
export function docFromCheckpoint(parts: readonly PartBlob[], sprintId: string): Y.Doc {
  const doc = new Y.Doc()
  change(
    doc,
    () => {
      const meta = metaMap(doc)
      meta.set(META.id, sprintId)
      meta.set(META.createdAt, 0)
      meta.set(META.schemaVersion, SCHEMA_VERSION)
    },
    IMPORT_ORIGIN,
  )
  restoreCheckpoint(doc, parts, { kind: 'sprint' })
  return doc
}
