import { useEffect, useId, useRef, useState } from 'react'
import type { SprintSyncState } from './sprint-sync'
import { describeReach, type ShareReach } from './share-reach'

interface Props {
  state: SprintSyncState
  /** Who sharing now would reach (`SprintSync.reach()`), for what the panel promises. */
  reach: ShareReach
  onShare: () => void
  onStop: () => void
  onLeave: () => void
  /** Close (×, Escape); the opener takes the focus back. */
  onClose: () => void
  /** Opens the sync settings (where signaling servers are added), when the app has them. */
  onOpenSettings?: () => void
  /** Copies text to the clipboard (the platform's `copyText`). */
  copy: (text: string) => Promise<void>
}

/**
 * The share panel, a non-modal dialog under the Share button: what sharing would do and "Share
 * this sprint" when local; the join link (secret in its fragment) and the short code with copy
 * buttons when shared; stop sharing, leave, rejoin. It takes the focus when it opens (and again
 * when the button that had it goes, e.g. after Share); Escape closes it.
 */
export function SharePanel(props: Props) {
  const { state } = props
  const ref = useRef<HTMLElement>(null)
  const headingId = useId()
  const [copied, setCopied] = useState<string | undefined>()
  const [copyError, setCopyError] = useState<string | undefined>()
  const copy = (what: string, text: string): void => {
    props.copy(text).then(
      () => {
        setCopied(what)
        setCopyError(undefined)
      },
      (err: unknown) => setCopyError(err instanceof Error ? err.message : 'Could not copy.'),
    )
  }

  useEffect(() => {
    const panel = ref.current
    if (!panel) return
    const active = document.activeElement
    // Opening (focus still on the Share button) or the focused button just went (Share, Leave).
    if (panel.contains(active) && active !== panel) return
    if (active && active !== document.body && active !== panel && !isOpener(active)) return
    ;(panel.querySelector<HTMLElement>('[data-autofocus]') ?? panel).focus()
  }, [state.phase])

  const share = state.share
  const reach = describeReach(props.reach)
  return (
    <section
      ref={ref}
      className="share-panel"
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.stopPropagation()
        props.onClose()
      }}
    >
      <header>
        <h2 id={headingId}>Share this sprint</h2>
        <button type="button" className="icon-button" onClick={props.onClose} aria-label="Close">
          ×
        </button>
      </header>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {state.phase === 'local' || state.phase === 'error' ? (
        <>
          <p>{reach.text}</p>
          <div className="actions">
            {!reach.canShare && props.onOpenSettings ? (
              <button
                type="button"
                className="primary"
                data-autofocus
                onClick={props.onOpenSettings}
              >
                Sync settings…
              </button>
            ) : (
              <button type="button" className="primary" data-autofocus onClick={props.onShare}>
                Share this sprint
              </button>
            )}
          </div>
        </>
      ) : state.phase === 'starting' ? (
        <p role="status">Starting…</p>
      ) : (
        share && (
          <>
            {!share.isServingLan && share.signaling.length === 0 && (
              <p role="alert">
                No signaling server, so no one can join yet. Add one in Sync settings: the sprint
                reconnects through it.
              </p>
            )}
            <label>
              Join link
              <input readOnly value={share.link} onFocus={(e) => e.target.select()} />
            </label>
            <button
              type="button"
              data-autofocus={state.phase === 'live' ? true : undefined}
              onClick={() => copy('link', share.link)}
            >
              {copied === 'link' ? 'Link copied' : 'Copy link'}
            </button>
            {share.code && (
              <>
                <label>
                  Code to type
                  <output className="join-code">{share.code}</output>
                </label>
                <button type="button" onClick={() => copy('code', share.code ?? '')}>
                  {copied === 'code' ? 'Code copied' : 'Copy code'}
                </button>
              </>
            )}
            {copyError && <p role="alert">{copyError}</p>}
            <p className="hint">
              Anyone with the link or code can edit this sprint. Send it only to your team.
            </p>
            <div className="actions">
              {state.phase === 'left' ? (
                <button type="button" data-autofocus onClick={props.onShare}>
                  Rejoin
                </button>
              ) : (
                <button type="button" onClick={props.onLeave}>
                  Leave (keep working locally)
                </button>
              )}
              <button type="button" onClick={props.onStop}>
                Stop sharing
              </button>
            </div>
          </>
        )
      )}
    </section>
  )
}

/** The Share button that opens the panel (it keeps the focus while the panel opens). */
function isOpener(el: Element): boolean {
  return el.getAttribute('aria-haspopup') === 'dialog'
}
