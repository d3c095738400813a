import { useCallback, useId, useState } from 'react'
import { MAX_MINUTES, MIN_MINUTES } from '../../../shared/doc'
import { copyText } from '../app/native'
import { useToast } from '../app/toast'
import { usePreview } from '../export/usePreview'
import { useSprint } from '../editor/sprint-context'
import { AgendaList } from './AgendaList'
import { isChimeOn, setChimeOn } from './chime'
import { summaryMarkdown, usePlanCheck } from './plan-data'
import { useAgenda, useMeetingView } from './useMeeting'
import { useMeetingActions } from './useMeetingActions'

/**
 * The meeting column (the Meeting button, Ctrl/Cmd+Shift+K): minutes per team and Start, the
 * agenda with each team's plan check, and once the meeting ends its summary to copy.
 */
export function MeetingColumn(props: { onClose: () => void }) {
  const meeting = useMeetingView()
  const agenda = useAgenda(meeting.agenda)
  const findings = usePlanCheck()
  const actions = useMeetingActions()
  const run = meeting.run
  const isRunning = run?.status === 'running'
  const minutesId = useId()
  const total = [...findings.values()].reduce((n, f) => n + f.length, 0)
  return (
    <aside id="meeting-column" className="meeting-column" aria-label="Meeting" tabIndex={-1}>
      <header className="meeting-header">
        <h2>Meeting</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the meeting panel"
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      {!isRunning && (
        <div className="meeting-setup">
          <label htmlFor={minutesId}>Minutes per team</label>
          <input
            id={minutesId}
            type="number"
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            key={meeting.minutes}
            defaultValue={meeting.minutes}
            onBlur={(e) => actions.setMinutes(e.currentTarget.valueAsNumber)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') actions.setMinutes(e.currentTarget.valueAsNumber)
            }}
          />
          <button
            type="button"
            className="primary"
            disabled={agenda.length === 0}
            onClick={() => actions.start(agenda.map((t) => t.id))}
          >
            {run ? 'Start a new meeting' : 'Start meeting'}
          </button>
        </div>
      )}
      <p className="meeting-check-total">
        Plan check: {total === 0 ? 'every team’s comment is complete' : `${total} things to check`}
      </p>
      <AgendaList agenda={agenda} run={run} findings={findings} actions={actions} />
      <ChimeToggle />
      {run?.status === 'ended' && <MeetingSummary />}
    </aside>
  )
}

function ChimeToggle() {
  const [isOn, setOn] = useState(isChimeOn)
  return (
    <label className="chime-toggle">
      <input
        type="checkbox"
        checked={isOn}
        onChange={(e) => {
          setChimeOn(e.target.checked)
          setOn(e.target.checked)
        }}
      />
      Chime on this laptop at one minute left and at time up
    </label>
  )
}

/** The summary of the meeting that ended, as the Markdown that Copy puts on the clipboard. */
function MeetingSummary() {
  const { doc } = useSprint()
  const toast = useToast()
  const markdown = usePreview(doc, summaryMarkdown)
  const copy = useCallback(async () => {
    try {
      await copyText(summaryMarkdown(doc))
      toast.show({ message: 'Copied the meeting summary' }, 3000)
    } catch (err) {
      toast.show({ message: `Copy failed: ${String(err)}`, isError: true })
    }
  }, [doc, toast])
  return (
    <section className="meeting-summary" aria-label="Meeting summary">
      <div className="meeting-summary-header">
        <h3>Summary</h3>
        <button type="button" className="primary" onClick={() => void copy()}>
          Copy summary as Markdown
        </button>
      </div>
      <pre className="markdown-preview">{markdown}</pre>
    </section>
  )
}
