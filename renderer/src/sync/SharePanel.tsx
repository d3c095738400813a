import { useState } from 'react'
import type { SprintSyncState } from './sprint-sync'

interface Props {
  state: SprintSyncState
  onShare: () => void
  onStop: () => void
  onLeave: () => void
  onClose: () => void
  /** Copies text to the clipboard (the platform's `copyText`). */
  copy: (text: string) => Promise<void>
}

/**
 * The share panel: "Share this sprint" when local; the join link (secret in its fragment) and the
 * short code with copy buttons when shared; stop sharing, leave, rejoin.
 */
export function SharePanel(props: Props) {
  const { state } = props
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
  const share = state.share
  return (
    <section className="share-panel" role="dialog" aria-label="Share this sprint">
      <header>
        <h2>Share this sprint</h2>
        <button type="button" onClick={props.onClose} aria-label="Close">
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
          <p>
            Everyone on the same network edits this sprint live. Nothing goes through a server of
            ours; the link carries a secret only people you give it to have.
          </p>
          <button type="button" onClick={props.onShare}>
            Share this sprint
          </button>
        </>
      ) : state.phase === 'starting' ? (
        <p role="status">Starting…</p>
      ) : (
        share && (
          <>
            {!share.isServingLan && share.signaling.length === 0 && (
              <p role="alert">
                No signaling server: add one in sync settings so others can find you.
              </p>
            )}
            <label>
              Join link
              <input readOnly value={share.link} onFocus={(e) => e.target.select()} />
            </label>
            <button type="button" onClick={() => copy('link', share.link)}>
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
                <button type="button" onClick={props.onShare}>
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
