import { useEffect, useId, useRef, useState } from 'react'
import { parseJoinInput, type JoinInfo } from '../../../shared/sync'
import { fetchSharedSprint, type FetchedSprint } from './join'
import type { SyncSettings } from './sync-settings'

interface Props {
  /** A link delivered by the protocol handler (`onOpenLink`), to prefill. */
  initialInput?: string
  settings: SyncSettings
  /**
   * The sprint arrived: store it like any other (open the sprint `fetched.sprintId`, apply
   * `fetched.update`, add it to the list), then call `SprintSync.joined(info)` on it.
   */
  onJoined: (fetched: FetchedSprint, info: JoinInfo) => void
  /** Cancel: stop looking and close (in a native dialog, through its `close()`). */
  onClose: () => void
}

/** "Join a sprint": takes a link or a short code, finds the others and fetches the sprint. */
export function JoinDialog(props: Props) {
  const inputId = useId()
  const [input, setInput] = useState(props.initialInput ?? '')
  const [error, setError] = useState<string | undefined>()
  const [isJoining, setJoining] = useState(false)
  const abort = useRef<AbortController | undefined>(undefined)
  // Closed any way (Escape too) while looking: stop looking.
  useEffect(() => () => abort.current?.abort(), [])

  const join = (): void => {
    const parsed = parseJoinInput(input)
    if (!parsed.ok) return setError(parsed.error)
    const signaling = [...new Set([...parsed.value.signaling, ...props.settings.extraSignaling])]
    const info = { ...parsed.value, signaling }
    const controller = new AbortController()
    abort.current = controller
    setError(undefined)
    setJoining(true)
    fetchSharedSprint(info, {
      user: props.settings.user,
      iceServers: props.settings.iceServers,
      signal: controller.signal,
    }).then(
      (fetched) => {
        setJoining(false)
        props.onJoined(fetched, info)
      },
      (err: unknown) => {
        setJoining(false)
        setError(err instanceof Error ? err.message : 'Could not join.')
      },
    )
  }

  return (
    <section className="join-dialog" role="dialog" aria-label="Join a sprint">
      <h2>Join a sprint</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!isJoining) join()
        }}
      >
        <label htmlFor={inputId}>Join link or code</label>
        <input
          id={inputId}
          value={input}
          autoComplete="off"
          spellCheck={false}
          placeholder="sprintpad://join/… or 7KQ4-…"
          onChange={(e) => setInput(e.target.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        {error && (
          <p role="alert" id={`${inputId}-error`} className="form-error">
            {error}
          </p>
        )}
        {isJoining && <p role="status">Looking for the others…</p>}
        <div className="dialog-actions">
          <span className="spacer" />
          <button
            type="button"
            onClick={() => {
              abort.current?.abort()
              props.onClose()
            }}
          >
            Cancel
          </button>
          <button type="submit" className="primary" disabled={isJoining}>
            Join
          </button>
        </div>
      </form>
    </section>
  )
}
