import type * as Y from 'yjs'
import { LOCAL_ORIGIN, type Origin } from './origin'

/** Runs `fn` as one transaction of the model with a named origin (local by default). */
export function change<T>(doc: Y.Doc, fn: () => T, origin: Origin = LOCAL_ORIGIN): T {
  let result: T | undefined
  doc.transact(() => {
    result = fn()
  }, origin)
  return result as T
}
