import { shortcutText } from '../app/keys'
import { useCallback, useEffect, useRef, useState } from 'react'
import { nextSpeaker, type Milestone } from '../../../shared/meeting'
import { onToolbarKeyDown } from '../app/toolbar-keys'
import { chime, isChimeOn } from './chime'
import { Countdown } from './Countdown'
import { useCountdown, useMilestones } from './useCountdown'
import { teamLabel, useAgenda, useMeetingView } from './useMeeting'
import { useMeetingActions } from './useMeetingActions'
import { useAttendance } from './useAttendance'

interface Props {
  isAgendaOpen: boolean
  onToggleAgenda: () => void
}

/**
 * The meeting as every peer sees it while one runs, at the top of the sprint: the team now
 * speaking, its countdown, and Next team / Pause / +1 min / End. Milestones are signalled gently
 * (the countdown changes colour and pulses, a screen reader hears it, this laptop chimes if asked
 * to), never with a modal. After the meeting it offers the summary until closed on this laptop.
 */
export function MeetingBar({ isAgendaOpen, onToggleAgenda }: Props) {
  const meeting = useMeetingView()
  const run = meeting.run
  const agenda = useAgenda(meeting.agenda)
  const actions = useMeetingActions()
  const timer = run?.status === 'running' ? run.timer : undefined
  const countdown = useCountdown(timer)
  const speaking = agenda.find((t) => t.id === timer?.team)
  const name = teamLabel(speaking)
  const live = useRef<HTMLDivElement>(null)
  const [dismissed, setDismissed] = useState('')

  const say = useCallback((text: string): void => {
    const region = live.current
    if (!region) return
    region.textContent = ''
    requestAnimationFrame(() => {
      region.textContent = text
    })
  }, [])
  const onMilestone = useCallback(
    (m: Milestone): void => {
      say(m === 'oneMinute' ? `One minute left for ${name}` : `Time is up for ${name}`)
      if (isChimeOn()) chime(m === 'oneMinute' ? 1 : 2)
    },
    [name, say],
  )
  const recent = useMilestones(timer, countdown, onMilestone)
  useSpeakingAnnouncement(timer?.team, run?.status, name, say)
  useAttendance(run?.status === 'running' ? run.id : undefined)

  if (!run || (run.status === 'ended' && dismissed === run.id)) {
    return <div ref={live} className="visually-hidden" role="status" aria-live="polite" />
  }
  const index = agenda.findIndex((t) => t.id === timer?.team)
  const next = agenda.find(
    (t) =>
      t.id ===
      nextSpeaker(
        agenda.map((a) => a.id),
        timer?.team ?? '',
        run.spent,
      ),
  )
  const isPaused = timer?.pausedElapsedMs !== null && timer !== undefined
  return (
    <section className="meeting-bar" aria-label="Meeting">
      {run.status === 'running' ? (
        <>
          <p className="meeting-now">
            {timer ? (
              <>
                Now speaking: <strong>{name}</strong>{' '}
                <span className="meeting-of">
                  ({index + 1} of {agenda.length})
                </span>
              </>
            ) : (
              'Meeting running: no team speaking'
            )}
          </p>
          {timer && countdown && (
            <Countdown team={name} countdown={countdown} isSignalling={recent !== undefined} />
          )}
          <div
            className="meeting-actions"
            role="toolbar"
            aria-label="Meeting"
            onKeyDown={onToolbarKeyDown}
          >
            {timer && (
              <button
                type="button"
                onClick={isPaused ? actions.resume : actions.pause}
                title={shortcutText('Mod+Shift+,')}
              >
                {isPaused ? 'Resume' : 'Pause'}
              </button>
            )}
            {timer && (
              <button
                type="button"
                onClick={actions.addMinute}
                aria-label={`One more minute for ${name}`}
              >
                +1 min
              </button>
            )}
            {next ? (
              <button
                type="button"
                className="primary"
                title={shortcutText('Mod+Shift+.')}
                onClick={() => actions.next(agenda.map((t) => t.id))}
              >
                Next team: {teamLabel(next)}
              </button>
            ) : (
              <button type="button" className="primary" onClick={actions.end}>
                End meeting
              </button>
            )}
            {next && (
              <button type="button" onClick={actions.end}>
                End
              </button>
            )}
            <button
              type="button"
              aria-pressed={isAgendaOpen}
              aria-controls="meeting-column"
              onClick={onToggleAgenda}
            >
              Agenda
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="meeting-now">Meeting ended.</p>
          <div className="meeting-actions">
            <button
              type="button"
              aria-controls="meeting-column"
              onClick={() => isAgendaOpen || onToggleAgenda()}
            >
              Summary
            </button>
            <button
              type="button"
              aria-label="Close the meeting bar"
              onClick={() => setDismissed(run.id)}
            >
              ×
            </button>
          </div>
        </>
      )}
      <div ref={live} className="visually-hidden" role="status" aria-live="polite" />
    </section>
  )
}

/** Announces "Now speaking: X" when the speaking team changes, and the end (not on opening). */
function useSpeakingAnnouncement(
  team: string | undefined,
  status: 'running' | 'ended' | undefined,
  name: string,
  say: (text: string) => void,
): void {
  const last = useRef<{ team: string | undefined; status: typeof status } | undefined>(undefined)
  useEffect(() => {
    const before = last.current
    last.current = { team, status }
    if (!before) return
    if (team && team !== before.team) say(`Now speaking: ${name}`)
    else if (status === 'ended' && before.status === 'running') say('Meeting ended')
  }, [team, status, name, say])
}
