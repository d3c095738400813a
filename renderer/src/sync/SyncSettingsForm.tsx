import { useId, useState } from 'react'
import { validateSettings, type SettingsCheck, type SyncSettings } from './sync-settings'

type Errors = Extract<SettingsCheck, { ok: false }>['errors']

/** Settings of sync: how others see me, extra signaling servers, ICE (STUN/TURN) servers. */
export function SyncSettingsForm(props: {
  settings: SyncSettings
  onSave: (s: SyncSettings) => void
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
  const [errors, setErrors] = useState<Errors>({})
  const [isSaved, setSaved] = useState(false)
  const field = (key: keyof Errors) =>
    errors[key] ? (
      <p role="alert" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null
  return (
    <form
      className="sync-settings"
      aria-label="Sync settings"
      onSubmit={(e) => {
        e.preventDefault()
        const check = validateSettings({ name, color, handle, signaling, ice })
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
      <label htmlFor={`${id}-name`}>Display name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={64}
      />
      {field('name')}
      <label htmlFor={`${id}-color`}>Colour</label>
      <input
        id={`${id}-color`}
        type="color"
        value={color}
        onChange={(e) => setColor(e.target.value)}
      />
      {field('color')}
      <label htmlFor={`${id}-handle`}>GitHub handle</label>
      <input
        id={`${id}-handle`}
        value={handle}
        onChange={(e) => setHandle(e.target.value)}
        placeholder="octocat"
      />
      {field('handle')}
      <label htmlFor={`${id}-signaling`}>
        Extra signaling servers (one ws:// or wss:// URL a line)
      </label>
      <textarea
        id={`${id}-signaling`}
        value={signaling}
        onChange={(e) => setSignaling(e.target.value)}
      />
      {field('signaling')}
      <label htmlFor={`${id}-ice`}>
        ICE servers (none by default: LAN only; `stun:host:port` or `turn:host:port user password`)
      </label>
      <textarea id={`${id}-ice`} value={ice} onChange={(e) => setIce(e.target.value)} />
      {field('ice')}
      <button type="submit">Save</button>
      {isSaved && <p role="status">Saved</p>}
    </form>
  )
}
