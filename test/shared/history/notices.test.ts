import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createUndoManager, restoresArray } from '../../../shared/doc'
import { announceRestore, readRestores } from '../../../shared/history'

describe('restore notices', () => {
  it('reach every peer, are never undone, and malformed ones are skipped', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const undo = createUndoManager(a)
    const notice = { at: 5, clientId: a.clientID, name: 'Ann', scope: 'Web', checkpointAt: 1 }
    announceRestore(a, notice)
    expect(undo.undoStack).toHaveLength(0)
    restoresArray(a).push([{ at: 'later' }, 'garbage'])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readRestores(b)).toEqual([notice])
  })
})
