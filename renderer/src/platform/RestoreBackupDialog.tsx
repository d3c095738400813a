import { useEffect, useId, useRef, useState } from 'react'
import type { BackupInfo } from '../../../shared/ipc/types'
import { errorText } from './errors'
import { platform as defaultPlatform, type Platform } from './index'

interface Props {
  sprintId: string
  /** Applies the restored .sprintpad bytes (the app decodes and replaces or copies the sprint). */
  onRestore: (bytes: Uint8Array) => Promise<void>
  onClose: () => void
  /** For tests; the app uses the default platform. */
  platform?: Pick<Platform, 'listBackups' | 'restoreBackup'>
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * "Restore from backup…": lists the backups main keeps of a sprint, newest first, with their
 * dates and sizes. A damaged backup (failed checksum) is shown as such and cannot be chosen.
 */
export function RestoreBackupDialog(props: Props) {
  const source = props.platform ?? defaultPlatform
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [error, setError] = useState('')
  const [busyId, setBusyId] = useState('')

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  useEffect(() => {
    let isCurrent = true
    source.listBackups({ sprintId: props.sprintId }).then(
      (list) => isCurrent && setBackups(list),
      (err: unknown) => isCurrent && setError(errorText(err)),
    )
    return () => {
      isCurrent = false
    }
  }, [source, props.sprintId])

  const restore = async (backup: BackupInfo): Promise<void> => {
    setBusyId(backup.id)
    setError('')
    try {
      await props.onRestore(await source.restoreBackup({ backupId: backup.id }))
      ref.current?.close()
    } catch (err) {
      setError(errorText(err))
    } finally {
      setBusyId('')
    }
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-h`} onClose={props.onClose}>
      <h2 id={`${id}-h`}>Restore from backup</h2>
      {backups === null && !error && <p>Loading backups…</p>}
      {backups?.length === 0 && (
        <p className="empty-hint">There are no backups of this sprint yet.</p>
      )}
      {backups && backups.length > 0 && (
        <ul className="backup-list" aria-label="Backups">
          {backups.map((backup) => (
            <li key={backup.id} className="backup-row">
              <span>
                <time dateTime={new Date(backup.createdAt).toISOString()}>
                  {dateFormat.format(backup.createdAt)}
                </time>
                {backup.title && ` — ${backup.title}`} ({formatSize(backup.size)})
                {!backup.ok && <strong className="form-error"> Damaged: cannot be restored</strong>}
              </span>
              <button
                type="button"
                disabled={!backup.ok || busyId !== ''}
                aria-label={`Restore backup of ${dateFormat.format(backup.createdAt)}`}
                onClick={() => void restore(backup)}
              >
                {busyId === backup.id ? 'Restoring…' : 'Restore'}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
