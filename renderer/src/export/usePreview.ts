import { useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'

/** Quiet time after the last update before the preview is recomputed (ms). */
const SETTLE_MS = 120
/**
 * Longest a preview waits for quiet (ms): while several people type without a pause, it is still
 * recomputed about once a second instead of staying stale until everyone stops.
 */
const MAX_WAIT_MS = 1000

/**
 * Runs `fn` once updates have settled for {@link SETTLE_MS} and the browser is idle, so an export
 * of a big sprint (tens of ms) never lands between two keystrokes of a fast typist.
 */
function whenSettled(fn: () => void): () => void {
  let idle = 0
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 200 })
    else fn()
  }, SETTLE_MS)
  return () => {
    clearTimeout(timer)
    if (idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle)
  }
}

export interface PreviewStore {
  subscribe: (onChange: () => void) => () => void
  getSnapshot: () => string
}

/**
 * The preview's value and its subscription (exported for its unit test). With `isFirstDeferred`
 * the first value too is computed once the browser is idle (the preview is empty until then);
 * otherwise the first read computes it.
 */
export function createPreviewStore(
  doc: Y.Doc,
  compute: (doc: Y.Doc) => string,
  isFirstDeferred = false,
): PreviewStore {
  let value: string | undefined
  let cancel: (() => void) | undefined
  // When the oldest update not yet in the preview arrived.
  let pendingSince = 0
  const safe = (): string => {
    try {
      return compute(doc)
    } catch (err) {
      return `Could not export: ${err instanceof Error ? err.message : String(err)}`
    }
  }
  return {
    subscribe(onChange) {
      const onUpdate = (): void => {
        const now = Date.now()
        if (cancel && now - pendingSince >= MAX_WAIT_MS) return // waited long enough: let it run
        if (!cancel) pendingSince = now
        cancel?.()
        cancel = whenSettled(() => {
          cancel = undefined
          const next = safe()
          if (next === value) return
          value = next
          onChange()
        })
      }
      doc.on('update', onUpdate)
      if (isFirstDeferred && value === undefined) onUpdate()
      return () => {
        doc.off('update', onUpdate)
        cancel?.()
        cancel = undefined
      }
    },
    getSnapshot() {
      if (!isFirstDeferred) value ??= safe()
      return value ?? ''
    },
  }
}

/**
 * A value derived from the whole document (the Markdown preview). It is recomputed once updates
 * settle (a short pause in typing) and the browser is idle: a burst of keystrokes costs one
 * export, and typing never waits for it.
 *
 * With `isFirstDeferred` (the export panel, on a sprint's first screen) the value the component
 * mounts with is computed once the browser is idle, '' until then (a heavy sprint's export is
 * tens of ms the first screen should not wait for); a later one (another team) is computed at once.
 */
export function usePreview(
  doc: Y.Doc,
  compute: (doc: Y.Doc) => string,
  options: { isFirstDeferred?: boolean } = {},
): string {
  const [firstDoc] = useState(doc)
  const [firstCompute] = useState(() => compute)
  const isFirst = options.isFirstDeferred === true && doc === firstDoc && compute === firstCompute
  const store = useMemo(() => createPreviewStore(doc, compute, isFirst), [doc, compute, isFirst])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
