import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { platform } from './index'
import { startBackupSnapshots } from './backup-snapshots'

/**
 * Keeps main's periodic backups of the open sprint (desktop only; a no-op in the browser).
 * Mount it once per open sprint, e.g. in the sprint screen.
 */
export function useBackupSnapshots(
  doc: Y.Doc | null,
  sprintId: string,
  onError?: (error: unknown) => void,
): void {
  // A new onError identity on each render must not restart the schedule.
  const onErrorRef = useRef(onError)
  useEffect(() => {
    onErrorRef.current = onError
  })
  useEffect(() => {
    if (!doc) return undefined
    return startBackupSnapshots(doc, {
      sprintId,
      platform,
      onError: (error) => onErrorRef.current?.(error),
    })
  }, [doc, sprintId])
}
