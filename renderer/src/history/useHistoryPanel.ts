import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { errorText } from '../platform/errors'
import {
  entryDiffs,
  historyModel,
  resolveNow,
  type HistoryModel,
  type PartDiff,
} from './history-model'
import { byteSize } from './history-words'
import { whenHistoryOf } from './recorder'

type Loaded = { model: HistoryModel } | { error: string } | undefined

/** What the History panel shows, loaded in steps so that the panel paints first. */
export interface HistoryPanel {
  model: HistoryModel | undefined
  error: string | undefined
  /** The selected entry's changes; undefined while they are computed. */
  diffs: PartDiff[] | undefined
  /** `12 checkpoints, 184 KB on this device` (read after the first paint). */
  size: string
}

/**
 * Loads the History panel of `doc`: the checkpoints (again when `reloads` changes), then "Now"
 * (captured after the panel is on screen, since it reads the whole sprint), and the diffs of the
 * `selected` entry.
 */
export function useHistoryPanel(doc: Y.Doc, selected: number, reloads: number): HistoryPanel {
  const [loaded, setLoaded] = useState<Loaded>()
  const [shown, setShown] = useState<{ model: HistoryModel; index: number; diffs: PartDiff[] }>()
  const [size, setSize] = useState('')

  useEffect(() => {
    let isCancelled = false
    void (async () => {
      try {
        const recorder = await whenHistoryOf(doc)
        const list = await recorder.list()
        const store = await recorder.settled()
        const model = historyModel(
          doc,
          list,
          (h) => store.blobs(h),
          recorder.hasChangesSinceCheckpoint,
        )
        if (!isCancelled) setLoaded({ model })
        // What the history takes on disk reads every part: after the first paint.
        const size = await store.size()
        if (!isCancelled)
          setSize(`${size.checkpoints} checkpoints, ${byteSize(size.bytes)} on this device`)
      } catch (err) {
        if (!isCancelled) setLoaded({ error: errorText(err) })
      }
    })()
    return () => {
      isCancelled = true
    }
  }, [doc, reloads])

  const model = loaded && 'model' in loaded ? loaded.model : undefined
  useEffect(() => {
    if (!model?.entries[0]?.isPending) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLoaded({ model: resolveNow(model, doc) }))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [model, doc])

  useEffect(() => {
    if (!model || model.entries[selected]?.isPending) return
    let isCancelled = false
    entryDiffs(model, selected).then(
      (diffs) => !isCancelled && setShown({ model, index: selected, diffs }),
      (err: unknown) => !isCancelled && setLoaded({ error: errorText(err) }),
    )
    return () => {
      isCancelled = true
    }
  }, [model, selected])

  return {
    model,
    error: loaded && 'error' in loaded ? loaded.error : undefined,
    // Diffs of another selection (still being computed for this one) are not shown.
    diffs: shown?.model === model && shown?.index === selected ? shown.diffs : undefined,
    size,
  }
}
