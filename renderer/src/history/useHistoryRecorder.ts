import { useEffect, useRef } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import { loadSettings } from '../sync/sync-settings'
import { HistoryStore } from './history-store'
import { HistoryRecorder } from './recorder'

/**
 * Records the open sprint's history (checkpoints in its own IndexedDB database) for as long as
 * the sprint is open. Mount once per open sprint, in the sprint screen.
 */
export function useHistoryRecorder(sprint: OpenSprint, onError?: (error: unknown) => void): void {
  // A new onError identity on each render must not restart the recorder.
  const onErrorRef = useRef(onError)
  useEffect(() => {
    onErrorRef.current = onError
  })
  useEffect(() => {
    let recorder: HistoryRecorder | undefined
    let isCancelled = false
    const report = (error: unknown): void => onErrorRef.current?.(error)
    HistoryStore.open(sprint.id).then((store) => {
      if (isCancelled) return store.close()
      recorder = HistoryRecorder.start(sprint.doc, store, () => loadSettings().user, {
        ignoredOrigins: [sprint.persistence],
        onError: report,
      })
    }, report)
    return () => {
      isCancelled = true
      recorder?.destroy()
    }
  }, [sprint])
}
