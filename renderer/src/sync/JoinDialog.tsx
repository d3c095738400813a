import { useEffect, useId, useRef, useState } from 'react'
import {
  parseJoinInput,
  presenceUserSchema,
  type JoinInfo,
  type PresenceUser,
} from '../../../shared/sync'
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
  /** Saves the name and handle a first-time user gives here (see {@link isUnnamed}). */
  onSaveUser: (user: PresenceUser) => void
}

/**
 * Whether this person has never said who they are (the default "Guest" with no handle): joining
 * asks them once, so the others do not see a "Guest" until they find Sync settings.
 */
export function isUnnamed(user: PresenceUser): boolean {
  return user.name === 'Guest' && user.handle === ''
}

/** "Join a sprint": takes a link or a short code, finds the others and fetches the sprint. */
export function JoinDialog(props: Props) {
  const inputId = useId()
  const [input, setInput] = useState(props.initialInput ?? '')
  const [error, setError] = useState<string | undefined>()
  const [isJoining, setJoining] = useState(false)
  // Asked once: decided when the dialog opens, so the fields stay while the name is typed.
  const [asksName] = useState(() => isUnnamed(props.settings.user))
  const [name, setName] = useState('')
  const [handle, setHandle] = useState('')
  const abort = useRef<AbortController | undefined>(undefined)
  // Closed any way (Escape too) while looking: stop looking.
  useEffect(() => () => abort.current?.abort(), [])

  const join = (): void => {
    const parsed = parseJoinInput(input)
    if (!parsed.ok) return setError(parsed.error)
    let user = props.settings.user
    if (asksName) {
      const named = presenceUserSchema.safeParse({
        ...user,
        name: name.trim(),
        handle: handle.trim().replace(/^@/, ''),
      })
      if (!named.success) {
        return setError(
          name.trim() === ''
            ? 'Say your name, so the others know who joined.'
            : 'That GitHub handle is not valid (letters, digits and dashes).',
        )
      }
      user = named.data
      props.onSaveUser(user)
    }
    const signaling = [...new Set([...parsed.value.signaling, ...props.settings.extraSignaling])]
    // The server the link names holds the sprint; else the team's server from settings, if any.
    const server = parsed.value.server ?? (props.settings.server || undefined)
    const info = { ...parsed.value, signaling, ...(server ? { server } : {}) }
    const controller = new AbortController()
    abort.current = controller
    setError(undefined)
    setJoining(true)
    fetchSharedSprint(info, {
      user,
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
        {asksName && (
          <div className="join-name">
            <label htmlFor={`${inputId}-name`}>Your name</label>
            <input
              id={`${inputId}-name`}
              value={name}
              autoComplete="name"
              placeholder="How the others see you"
              onChange={(e) => setName(e.target.value)}
            />
            <label htmlFor={`${inputId}-handle`}>GitHub handle (optional)</label>
            <input
              id={`${inputId}-handle`}
              value={handle}
              autoComplete="off"
              spellCheck={false}
              placeholder="@handle"
              onChange={(e) => setHandle(e.target.value)}
            />
          </div>
        )}
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
