import type * as Y from 'yjs'
import { readMeta } from '../../../shared/doc'
import { encodeSprintFile } from '../../../shared/file'
import type { Platform } from './types'

/** Options of {@link startBackupSnapshots}. */
export interface BackupSnapshotOptions {
  sprintId: string
  /** How often a changed sprint is sent to main. Main also enforces its own minimum interval. */
  intervalMs?: number
  platform: Pick<Platform, 'hasBackups' | 'putSnapshot'>
  /** Told when a snapshot could not be stored (the editor may show it; editing goes on). */
  onError?: (error: unknown) => void
}

/**
 * Sends a .sprintpad snapshot of an open sprint to main's backup store every `intervalMs` while
 * it has changed since the last one, and once more when stopped (closing the sprint). Does
 * nothing where the platform keeps no backups (a plain browser). Returns the stop function.
 */
export function startBackupSnapshots(doc: Y.Doc, options: BackupSnapshotOptions): () => void {
  const { platform } = options
  if (!platform.hasBackups) return () => undefined
  let isDirty = true
  let inFlight: Promise<unknown> = Promise.resolve()
  const onUpdate = (): void => {
    isDirty = true
  }
  doc.on('update', onUpdate)

  const snapshot = (): void => {
    if (!isDirty) return
    isDirty = false
    const bytes = encodeSprintFile(doc)
    const title = readMeta(doc).title
    inFlight = inFlight
      .then(() => platform.putSnapshot({ sprintId: options.sprintId, title, bytes }))
      .catch((error: unknown) => {
        isDirty = true
        options.onError?.(error)
      })
  }
  const timer = setInterval(snapshot, options.intervalMs ?? 2 * 60_000)
  return () => {
    clearInterval(timer)
    doc.off('update', onUpdate)
    snapshot()
  }
}
