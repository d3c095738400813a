import { useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { importComment } from '../../../shared/markdown'
import { useSprint } from '../editor/sprint-context'
import { useTeamIds } from '../editor/useDoc'
import { pickMarkdownFile } from '../app/native'
import { useToast } from '../app/toast'
import { TeamOption } from './TeamOption'

interface Props {
  defaultTeamId: string
  initialText?: string
  onClose: () => void
  onImported: (teamId: string) => void
}

const NEW_TEAM = '__new__'

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
  const [target, setTarget] = useState(defaultTeamId || NEW_TEAM)
  const [error, setError] = useState('')
  const textId = useId()
  const targetId = useId()

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const run = (): void => {
    try {
      const options = target === NEW_TEAM ? {} : { teamId: target }
      sprint.checkpoint()
      const result = importComment(sprint.doc, text, options)
      sprint.checkpoint()
      onImported(result.teamId)
      toast.show(
        {
          message: result.warnings.length
            ? `Imported with ${result.warnings.length} warning(s): ${result.warnings.join('; ')}`
            : 'Comment imported',
          action: { label: 'Undo', run: () => sprint.undo.undo() },
        },
        5000,
      )
      onClose()
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
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value={NEW_TEAM}>A new team</option>
            {teamIds.map((id) => (
              <TeamOption key={id} teamId={id} />
            ))}
          </select>
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
          <button type="button" onClick={onClose}>
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
