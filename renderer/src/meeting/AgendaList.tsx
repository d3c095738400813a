import { useState } from 'react'
import type { MeetingRun } from '../../../shared/doc'
import { formatDuration, moveInAgenda, type CheckFinding } from '../../../shared/meeting'
import { PlanCheckList } from './PlanCheckList'
import { teamLabel, type AgendaTeam } from './useMeeting'
import type { MeetingActions } from './useMeetingActions'

interface Props {
  agenda: readonly AgendaTeam[]
  run: MeetingRun | undefined
  findings: ReadonlyMap<string, readonly CheckFinding[]>
  actions: MeetingActions
}

/**
 * The agenda: the teams in speaking order with the team now speaking marked (for everyone), the
 * time each spoke, and each team's plan check as a count that opens its list. Teams move up and
 * down the agenda; while the meeting runs any team can be made to speak now.
 */
export function AgendaList({ agenda, run, findings, actions }: Props) {
  const speaking = run?.status === 'running' ? run.timer?.team : undefined
  const [opened, setOpened] = useState<string | null>(null)
  // The speaking team's check is open unless another one was opened.
  const shown = opened ?? speaking
  const ids = agenda.map((t) => t.id)
  return (
    <ol className="agenda" aria-label="Agenda">
      {agenda.map((team, i) => {
        const name = teamLabel(team)
        const found = findings.get(team.id) ?? []
        const spent = run?.spent[team.id]
        const isSpeaking = team.id === speaking
        return (
          <li
            key={team.id}
            className={`agenda-team${isSpeaking ? ' is-speaking' : ''}`}
            aria-current={isSpeaking ? 'step' : undefined}
          >
            <div className="agenda-row">
              <span className="agenda-index" aria-hidden="true">
                {i + 1}
              </span>
              <span className="agenda-name">{name}</span>
              <span className="agenda-state">
                {isSpeaking
                  ? 'speaking'
                  : spent !== undefined
                    ? `spoke ${formatDuration(spent)}`
                    : ''}
              </span>
              <button
                type="button"
                className={`check-count${found.length ? ' has-findings' : ''}`}
                aria-expanded={shown === team.id}
                aria-label={`${name}: ${found.length ? `${found.length} to check` : 'nothing to check'}`}
                onClick={() => setOpened(shown === team.id ? '' : team.id)}
              >
                {found.length ? `${found.length} to check` : '✓'}
              </button>
            </div>
            <div className="agenda-buttons">
              {run?.status === 'running' && !isSpeaking && (
                <button type="button" className="chip-button" onClick={() => actions.goTo(team.id)}>
                  Speak now
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name} earlier`}
                disabled={i === 0}
                onClick={() => actions.setAgenda(moveInAgenda(ids, team.id, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move ${name} later`}
                disabled={i === agenda.length - 1}
                onClick={() => actions.setAgenda(moveInAgenda(ids, team.id, 1))}
              >
                ↓
              </button>
            </div>
            {shown === team.id && <PlanCheckList teamId={team.id} name={name} findings={found} />}
          </li>
        )
      })}
    </ol>
  )
}
