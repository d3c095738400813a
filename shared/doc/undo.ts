import * as Y from 'yjs'
import { allRoots } from './schema'
import { IMPORT_ORIGIN, LOCAL_ORIGIN } from './origin'

/**
 * An UndoManager over the whole sprint that tracks only this peer's own transactions (local
 * edits and imports). Remote updates arrive with another origin, so undo never reverts a
 * colleague's concurrent change. Typing within `captureTimeout` ms is one undo step.
 */
export function createUndoManager(
  doc: Y.Doc,
  options: { captureTimeout?: number } = {},
): Y.UndoManager {
  return new Y.UndoManager(allRoots(doc), {
    trackedOrigins: new Set<unknown>([LOCAL_ORIGIN, IMPORT_ORIGIN]),
    captureTimeout: options.captureTimeout ?? 500,
  })
}
