import { useMemo, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import {
  GLOBAL_TEAM,
  TEAM,
  compareOrdered,
  meetingMap,
  readMeeting,
  readRunningTimer,
  teamsMap,
  type MeetingTimer,
  type MeetingView,
} from '../../../shared/doc'
import { agendaOrder } from '../../../shared/meeting'
import { useSprint } from '../editor/sprint-context'
import { useY, type ExternalStore } from '../store/useY'

function readMeetingOf(m: Y.Map<unknown> | undefined): MeetingView {
  return m?.doc ? readMeeting(m.doc) : readMeeting(new Y.Doc())
}

/** The meeting part of the sprint; re-renders only when it changes (not when people type). */
export function useMeetingView(): MeetingView {
  const { doc } = useSprint()
  return useY(meetingMap(doc), readMeetingOf, true)
}

function readRunningTimerOf(m: Y.Map<unknown> | undefined): MeetingTimer | undefined {
  return m?.doc ? readRunningTimer(m.doc) : undefined
}

/**
 * The countdown of the meeting now running, alone: cheap enough for every team panel to watch
 * (the whole meeting holds the plan's baseline, read only where the meeting is shown).
 */
export function useRunningTimer(): MeetingTimer | undefined {
  const { doc } = useSprint()
  return useY(meetingMap(doc), readRunningTimerOf, true)
}

/** A team as the agenda shows it. */
export interface AgendaTeam {
  id: string
  name: string
}

function readTeamNames(m: Y.Map<Y.Map<unknown>> | undefined): AgendaTeam[] {
  const out: (AgendaTeam & { order: string })[] = []
  m?.forEach((v, id) => {
    if (!(v instanceof Y.Map) || id === GLOBAL_TEAM) return
    const name = v.get(TEAM.name)
    const order = v.get(TEAM.order)
    out.push({
      id,
      name: typeof name === 'string' ? name : '',
      order: typeof order === 'string' ? order : '',
    })
  })
  return out.sort(compareOrdered).map(({ id, name }) => ({ id, name }))
}

/** The teams in speaking order, with their names (the agenda, then teams added since). */
export function useAgenda(stored: readonly string[]): AgendaTeam[] {
  const { doc } = useSprint()
  const teams = useY(teamsMap(doc), readTeamNames, true)
  return useMemo(() => {
    const byId = new Map(teams.map((t) => [t.id, t]))
    return agendaOrder(
      stored,
      teams.map((t) => t.id),
    ).map((id) => byId.get(id) as AgendaTeam)
  }, [stored, teams])
}

/** A team's name as said aloud ("Unnamed team" when empty). */
export function teamLabel(team: AgendaTeam | undefined): string {
  return team?.name.trim() || 'Unnamed team'
}

/** A store of Date.now(): re-read every `ms` while subscribed, or fixed when `ms` is 0. */
function clockStore(ms: number): ExternalStore<number> {
  let now = Date.now()
  return {
    subscribe(onChange) {
      if (ms === 0) return () => undefined
      now = Date.now()
      const timer = setInterval(() => {
        now = Date.now()
        onChange()
      }, ms)
      return () => clearInterval(timer)
    },
    getSnapshot: () => now,
  }
}

/** Date.now(), re-read every `ms` while `isTicking` (a running countdown); else read once. */
export function useNow(isTicking: boolean, ms = 250): number {
  const store = useMemo(() => clockStore(isTicking ? ms : 0), [isTicking, ms])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
