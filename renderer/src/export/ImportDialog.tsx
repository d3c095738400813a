import {
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
} from 'react'
import { importComments } from '../../../shared/markdown'
import { historyOf } from '../history/recorder'
import { useSprint } from '../editor/sprint-context'
import { useTeamIds } from '../editor/useDoc'
import { pickMarkdownFile } from '../app/native'
import { importedMessage, useToast } from '../app/toast'
import { undoLastStepAction } from '../editor/undo-toast'
import { focusSoon, teamNameField } from '../editor/focus'
import { TeamOption } from './TeamOption'
import { BY_NAME, previewImport } from './import-preview'

interface Props {
  /** The team to merge into (a file dropped on it); `''`: the team the comment names. */
  defaultTeamId: string
  initialText?: string
  onClose: () => void
  onImported: (teamId: string) => void
}

/** Reads a dropped or picked .md file as text. */
async function fileText(bytes: Uint8Array): Promise<string> {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

/** Paste a GitHub team comment (or drop a .md file) into a team, through the importer. */
export function ImportDialog({ defaultTeamId, initialText, onClose, onImported }: Props) {
  const sprint = useSprint()
  const teamIds = useTeamIds()
  const toast = useToast()
  const ref = useRef<HTMLDialogElement>(null)
  const [text, setText] = useState(initialText ?? '')
  const [target, setTarget] = useState(defaultTeamId || BY_NAME)
  const deferredText = useDeferredValue(text)
  const where = useMemo(
    () => previewImport(sprint.doc, deferredText, target),
    [sprint.doc, deferredText, target],
  )
  const isSeveral = where.lines.length > 0
  const [error, setError] = useState('')
  const textId = useId()
  const targetId = useId()

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const run = (): void => {
    try {
      const options = target === BY_NAME ? {} : { teamId: target }
      // The sprint as it was before the import stays in the history.
      void historyOf(sprint.doc)?.checkpoint('import')
      sprint.checkpoint()
      const result = importComments(sprint.doc, text, options)
      sprint.checkpoint()
      const done =
        result.teamIds.length > 1
          ? `${result.teamIds.length} comments imported`
          : 'Comment imported'
      onImported(result.teamId)
      // Closing gives the focus back to the opener; then on to the team that got the content.
      ref.current?.close()
      focusSoon(() => teamNameField(result.teamId))
      toast.show(
        {
          message: importedMessage(done, result.warnings),
          action: undoLastStepAction(sprint, toast),
        },
        5000,
      )
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  const onDrop = (e: DragEvent<HTMLTextAreaElement>): void => {
    const file = e.dataTransfer.files[0]
    if (!file) return
    e.preventDefault()
    void file.arrayBuffer().then((b) => fileText(new Uint8Array(b)).then(setText))
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${textId}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          run()
        }}
      >
        <h2 id={`${textId}-title`}>Import a GitHub comment</h2>
        <label htmlFor={textId}>Comment Markdown (paste, or drop a .md file)</label>
        <textarea
          id={textId}
          className="import-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setError('')
          }}
          onDrop={onDrop}
          rows={14}
          required
        />
        <div className="field-row">
          <label htmlFor={targetId} className="field-label">
            Into
          </label>
          <select
            id={targetId}
            className="field-input"
            value={isSeveral ? BY_NAME : target}
            disabled={isSeveral}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value={BY_NAME}>The team it names (or a new team)</option>
            {teamIds.map((id) => (
              <TeamOption key={id} teamId={id} />
            ))}
          </select>
        </div>
        <div className="import-where" role="status" aria-label="Where it goes">
          <p>{where.summary}</p>
          {isSeveral && (
            <ul className="import-targets">
              {where.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() =>
              void pickMarkdownFile().then((md) => {
                if (md !== undefined) setText(md)
              })
            }
          >
            Open .md file…
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!text.trim()}>
            Import
          </button>
        </div>
      </form>
    </dialog>
  )
}
