import { useId, useState } from 'react'
import { validateSettings, type SettingsCheck, type SyncSettings } from './sync-settings'

type Errors = Extract<SettingsCheck, { ok: false }>['errors']

/**
 * Settings of sync: how others see me, extra signaling servers, ICE (STUN/TURN) servers. Save
 * (the form's submit) and, when `onCancel` is given (in a dialog), Cancel, on the right.
 */
export function SyncSettingsForm(props: {
  settings: SyncSettings
  onSave: (s: SyncSettings) => void
  onCancel?: () => void
}) {
  const id = useId()
  const s = props.settings
  const [name, setName] = useState(s.user.name)
  const [color, setColor] = useState(s.user.color)
  const [handle, setHandle] = useState(s.user.handle)
  const [signaling, setSignaling] = useState(s.extraSignaling.join('\n'))
  const [ice, setIce] = useState(
    s.iceServers
      .map((x) => [x.urls, x.username, x.credential].filter(Boolean).join(' '))
      .join('\n'),
  )
  const [server, setServer] = useState(s.server)
  const [errors, setErrors] = useState<Errors>({})
  const [isSaved, setSaved] = useState(false)
  const errorId = (key: keyof Errors): string => `${id}-${key}-error`
  /** The field's error message (announced), under it. */
  const error = (key: keyof Errors, isWide = false) =>
    errors[key] ? (
      <p role="alert" id={errorId(key)} className={`form-error ${isWide ? 'wide' : 'under'}`}>
        {errors[key]}
      </p>
    ) : null
  /** What a field's `aria-describedby` and `aria-invalid` say: its hint and its error. */
  const describe = (key: keyof Errors, hint?: string) => {
    const ids = [hint, errors[key] ? errorId(key) : undefined].filter(Boolean).join(' ')
    return { 'aria-describedby': ids || undefined, 'aria-invalid': errors[key] !== undefined }
  }
  return (
    <form
      className="sync-settings"
      aria-label="Sync settings"
      onSubmit={(e) => {
        e.preventDefault()
        const check = validateSettings({ name, color, handle, signaling, ice, server })
        if (!check.ok) {
          setErrors(check.errors)
          setSaved(false)
          return
        }
        setErrors({})
        setSaved(true)
        props.onSave(check.value)
      }}
    >
      <div className="form-grid">
        <label htmlFor={`${id}-name`}>Display name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={64}
          {...describe('name')}
        />
        {error('name')}
        <label htmlFor={`${id}-color`}>Colour</label>
        <input
          id={`${id}-color`}
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          {...describe('color')}
        />
        {error('color')}
        <label htmlFor={`${id}-handle`}>GitHub handle</label>
        <input
          id={`${id}-handle`}
          value={handle}
          onChange={(e) => setHandle(e.target.value)}
          placeholder="octocat"
          {...describe('handle')}
        />
        {error('handle')}
        <label htmlFor={`${id}-server`} className="wide">
          Sprintpad server
        </label>
        <p id={`${id}-server-hint`} className="hint wide">
          Optional: a team’s always-on server (wss://…). Sprints you share are kept there too, so
          colleagues who open them later, or from another network, get every change.
        </p>
        <input
          id={`${id}-server`}
          className="wide"
          value={server}
          placeholder="wss://sprint.example.com"
          spellCheck={false}
          onChange={(e) => setServer(e.target.value)}
          {...describe('server', `${id}-server-hint`)}
        />
        {error('server', true)}
        <label htmlFor={`${id}-signaling`} className="wide">
          Signaling servers
        </label>
        <p id={`${id}-signaling-hint`} className="hint wide">
          One ws:// or wss:// address a line. They introduce you to the others, nothing more. The
          desktop app needs none on the same network; a browser needs one.
        </p>
        <textarea
          id={`${id}-signaling`}
          value={signaling}
          rows={2}
          onChange={(e) => setSignaling(e.target.value)}
          {...describe('signaling', `${id}-signaling-hint`)}
        />
        {error('signaling', true)}
        <label htmlFor={`${id}-ice`} className="wide">
          ICE servers
        </label>
        <p id={`${id}-ice-hint`} className="hint wide">
          None by default: you connect to people on the same network only. One a line:
          stun:host:port, or turn:host:port user password.
        </p>
        <textarea
          id={`${id}-ice`}
          value={ice}
          rows={2}
          onChange={(e) => setIce(e.target.value)}
          {...describe('ice', `${id}-ice-hint`)}
        />
        {error('ice', true)}
      </div>
      <div className="dialog-actions">
        {isSaved && <p role="status">Saved</p>}
        <span className="spacer" />
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  )
}
