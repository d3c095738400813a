import { useMemo } from 'react'
import {
  addTimerTime,
  endMeeting,
  goToTeam,
  pauseTimer,
  readMeeting,
  readSprint,
  resumeTimer,
  setAgenda,
  setMeetingMinutes,
  startMeeting,
} from '../../../shared/doc'
import { nextSpeaker, snapshotPlan } from '../../../shared/meeting'
import { useSprint } from '../editor/sprint-context'
import { clockNow, useMeetingPresence } from './meeting-presence'

/** What the facilitator (anyone) can do, each reading the document as it is at the press. */
export interface MeetingActions {
  /** Starts a meeting with the first team of `agenda` speaking. */
  start: (agenda: readonly string[]) => void
  /** The next team in `agenda` speaks; at the end of it, nothing (the caller offers End). */
  next: (agenda: readonly string[]) => void
  /** `teamId` speaks now. */
  goTo: (teamId: string) => void
  pause: () => void
  resume: () => void
  addMinute: () => void
  end: () => void
  setMinutes: (minutes: number) => void
  setAgenda: (teamIds: readonly string[]) => void
}

export function useMeetingActions(): MeetingActions {
  const { doc } = useSprint()
  const presence = useMeetingPresence()
  return useMemo(() => {
    const clock = () => clockNow(presence)
    const current = () => readMeeting(doc).run?.timer?.team ?? ''
    return {
      start: (agenda) =>
        void startMeeting(doc, {
          clock: clock(),
          firstTeam: agenda[0] ?? '',
          baseline: snapshotPlan(readSprint(doc)),
        }),
      next: (agenda) => {
        const from = current()
        const to = nextSpeaker(agenda, from, readMeeting(doc).run?.spent ?? {})
        if (to) goToTeam(doc, { from, to, clock: clock() })
      },
      goTo: (teamId) => void goToTeam(doc, { from: current(), to: teamId, clock: clock() }),
      pause: () => pauseTimer(doc, { clock: clock() }),
      resume: () => resumeTimer(doc, { clock: clock() }),
      addMinute: () => addTimerTime(doc, { ms: 60_000 }),
      end: () => endMeeting(doc, { clock: clock() }),
      setMinutes: (minutes) => setMeetingMinutes(doc, { minutes }),
      setAgenda: (teamIds) => setAgenda(doc, { teamIds }),
    }
  }, [doc, presence])
}
