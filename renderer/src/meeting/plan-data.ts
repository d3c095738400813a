import { useMemo } from 'react'
import type * as Y from 'yjs'
import { readMeeting, readSprint } from '../../../shared/doc'
import {
  agendaOrder,
  checkPlan,
  meetingSummary,
  planChanges,
  type CheckFinding,
} from '../../../shared/meeting'
import { usePreview } from '../export/usePreview'
import { useSprint } from '../editor/sprint-context'

/** The plan check of every team, as JSON (a string: equal results do not re-render). */
function findingsJson(doc: Y.Doc): string {
  return JSON.stringify([...checkPlan(readSprint(doc))])
}

/**
 * The plan check of every team, by team id. Recomputed once typing settles (like the export
 * preview), so a check of ten teams never lands between two keystrokes.
 */
export function usePlanCheck(): ReadonlyMap<string, readonly CheckFinding[]> {
  const { doc } = useSprint()
  const json = usePreview(doc, findingsJson)
  return useMemo(() => {
    try {
      return new Map(JSON.parse(json) as [string, CheckFinding[]][])
    } catch {
      return new Map()
    }
  }, [json])
}

/** The meeting summary as Markdown, from the document as it stands (`''`: no meeting). */
export function summaryMarkdown(doc: Y.Doc): string {
  const meeting = readMeeting(doc)
  const run = meeting.run
  if (!run) return ''
  const view = readSprint(doc)
  const byId = new Map(view.teams.map((t) => [t.id, t]))
  const order = agendaOrder(
    meeting.agenda,
    view.teams.map((t) => t.id),
  )
  return meetingSummary({
    title: view.meta.title,
    run,
    agenda: order.map((id) => ({ id, name: byId.get(id)?.name ?? '' })),
    minutes: meeting.minutes,
    changes: run.baseline ? planChanges(run.baseline, view) : undefined,
    findings: checkPlan(view),
  })
}
