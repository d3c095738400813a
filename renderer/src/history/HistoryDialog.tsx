import { useEffect, useId, useRef, useState } from 'react'
import { readMeta } from '../../../shared/doc'
import { encodeSprintFile } from '../../../shared/file'
import { encodeHistory, type RestoreScope } from '../../../shared/history'
import { saveSprintFile } from '../app/native'
import { useToast } from '../app/toast'
import { useSprint } from '../editor/sprint-context'
import { undoLastStepAction } from '../editor/undo-toast'
import { slug } from '../export/file-names'
import { errorText } from '../platform/errors'
import { CheckpointList } from './CheckpointList'
import { PartDiffView } from './PartDiffView'
import { NOW_ID, type HistoryEntry } from './history-model'
import { checkpointTime } from './history-words'
import { whenHistoryOf } from './recorder'
import { restoreFromHistory, summaryWords } from './restore-action'
import { useHistoryPanel } from './useHistoryPanel'

interface Props {
  onClose: () => void
}

/**
 * The sprint's History: its checkpoints (newest first, "Now" on top when something changed since
 * the last one), and for the one selected, what changed since the one before, per team, as a
 * diff of the exported Markdown with who made it. A team, or the whole sprint, can be restored as
 * it was at a checkpoint (a new change every peer receives; Ctrl/Cmd+Z undoes it).
 */
export function HistoryDialog({ onClose }: Props) {
  const sprint = useSprint()
  const toast = useToast()
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  const [selected, setSelected] = useState(0)
  const [reloads, setReloads] = useState(0)
  const { model, error, diffs, size } = useHistoryPanel(sprint.doc, selected, reloads)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const restore = async (
    entry: HistoryEntry,
    scope: RestoreScope,
    label: string,
  ): Promise<void> => {
    if (!model) return
    try {
      const summary = await restoreFromHistory(sprint, model, entry, scope, label)
      ref.current?.close()
      toast.show(
        {
          message: `Restored ${label} as it was at ${checkpointTime(entry.at)}: ${summaryWords(summary)}`,
          action: undoLastStepAction(sprint, toast),
        },
        8000,
      )
    } catch (err) {
      toast.show({ message: `Restore failed: ${errorText(err)}`, isError: true })
    }
  }

  const saveCheckpoint = async (): Promise<void> => {
    try {
      await (await whenHistoryOf(sprint.doc)).checkpoint('manual')
      setSelected(0)
      setReloads((n) => n + 1)
    } catch (err) {
      toast.show({ message: `Checkpoint not saved: ${errorText(err)}`, isError: true })
    }
  }

  const saveWithHistory = async (): Promise<void> => {
    try {
      const store = await (await whenHistoryOf(sprint.doc)).settled()
      const history = encodeHistory(await store.archive())
      await saveSprintFile({
        suggestedName: `${slug(readMeta(sprint.doc).title)}-with-history.sprintpad`,
        bytes: encodeSprintFile(sprint.doc, { history }),
      })
    } catch (err) {
      toast.show({ message: `Save failed: ${errorText(err)}`, isError: true })
    }
  }

  const entry = model?.entries[selected]
  const previous = model?.entries[selected + 1]
  return (
    <dialog
      ref={ref}
      className="dialog history-dialog"
      aria-labelledby={headingId}
      onClose={onClose}
    >
      <header className="history-head">
        <h2 id={headingId}>History</h2>
        <span className="history-size">{size}</span>
        <button type="button" onClick={() => void saveCheckpoint()}>
          Save a checkpoint now
        </button>
        <button type="button" onClick={() => void saveWithHistory()}>
          Save .sprintpad with history
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Close
        </button>
      </header>
      {!model && !error && <p className="empty-hint">Loading the history…</p>}
      {error && (
        <p role="alert" className="history-error">
          History unavailable: {error}
        </p>
      )}
      {model && entry && (
        <div className="history-body">
          <CheckpointList entries={model.entries} selected={selected} onSelect={setSelected} />
          <section className="history-detail" aria-label="Changes">
            <header className="history-detail-head">
              <h3>
                {entry.id === NOW_ID ? 'Now: not yet in a checkpoint' : checkpointTime(entry.at)}
                <span className="history-since">
                  {previous
                    ? ` · changes since ${checkpointTime(previous.at)}`
                    : ' · the first checkpoint'}
                </span>
              </h3>
              {entry.id !== NOW_ID && (
                <button
                  type="button"
                  onClick={() => void restore(entry, { kind: 'sprint' }, 'the whole sprint')}
                >
                  Restore the whole sprint as it was then
                </button>
              )}
            </header>
            {diffs === undefined && <p className="empty-hint">Comparing…</p>}
            {diffs?.length === 0 && <p className="empty-hint">No change since the one before.</p>}
            {diffs?.map((d) => (
              <PartDiffView
                key={d.key}
                part={d}
                onRestore={
                  entry.id !== NOW_ID && d.teamId !== undefined && !d.isRemoved
                    ? () => void restore(entry, { kind: 'team', teamId: d.teamId ?? '' }, d.label)
                    : undefined
                }
              />
            ))}
          </section>
        </div>
      )}
    </dialog>
  )
}
