import type { MeetingRun } from '../doc/meeting-types'
import { safeInline } from '../markdown/sanitize'
import type { TeamChanges } from './changes'
import { durationWords, formatDuration } from './countdown'
import type { CheckFinding } from './plan-check'

/** What the meeting summary is made of (plain data, read from the document by the caller). */
export interface SummaryInput {
  /** The sprint's title. */
  title: string
  run: MeetingRun
  /** The teams in speaking order, with their names. */
  agenda: readonly { id: string; name: string }[]
  /** Minutes each team had. */
  minutes: number
  /** What changed per team (`undefined` when the meeting's baseline could not be read). */
  changes: readonly TeamChanges[] | undefined
  /** The plan check now, by team id. */
  findings: ReadonlyMap<string, readonly CheckFinding[]>
}

/**
 * The meeting summary as GitHub Markdown, to paste under the sprint issue: who attended, how long
 * each team took against its time, what changed in each team's plan, and what the plan check still
 * finds. Every name and item text is escaped, so a team name cannot turn into markup.
 */
export function meetingSummary(input: SummaryInput): string {
  const { run } = input
  const spoken = input.agenda.filter((t) => run.spent[t.id] !== undefined)
  const total = spoken.reduce((sum, t) => sum + (run.spent[t.id] ?? 0), 0)
  const planned = input.minutes * 60_000 * input.agenda.length
  const took = run.status === 'ended' ? durationWords(run.durationMs) : 'running'
  const out = [
    `## Planning meeting: ${safeInline(input.title) || 'Sprint'}`,
    '',
    `${input.agenda.length} teams, ${input.minutes} min each (${durationWords(planned)} planned); ` +
      `the teams spoke for ${durationWords(total)}, the meeting took ${took}.`,
    '',
    attendance(run),
    '',
    '| Team | Planned | Took |',
    '| --- | --- | --- |',
    ...input.agenda.map((t) => timeRow(t, input.minutes, run.spent[t.id])),
  ]
  out.push('', '### What changed during the meeting', '')
  if (input.changes === undefined) out.push('Not known: the plan at the start could not be read.')
  else out.push(...changeLines(input.changes))
  const omitted = run.baseline?.omitted ?? 0
  if (omitted > 0) {
    out.push(
      '',
      `The plan was too big to record whole at the start: ${omitted} items are not compared.`,
    )
  }
  out.push('', '### Still to check before posting', '', ...checkLines(input))
  return `${out.join('\n')}\n`
}

function attendance(run: MeetingRun): string {
  const people = run.attendees.map((a) =>
    a.handle ? `${safeInline(a.name)} (@${a.handle})` : safeInline(a.name),
  )
  return people.length
    ? `**Attended (${people.length}):** ${people.join(', ')}`
    : '**Attended:** nobody recorded'
}

function timeRow(team: { name: string }, minutes: number, spent: number | undefined): string {
  const plannedMs = minutes * 60_000
  let took = 'did not speak'
  if (spent !== undefined) {
    const over = spent - plannedMs
    took = formatDuration(spent) + (over >= 1000 ? ` (+${formatDuration(over)} over)` : '')
  }
  return `| ${cell(team.name)} | ${formatDuration(plannedMs)} | ${took} |`
}

function changeLines(changes: readonly TeamChanges[]): string[] {
  const out: string[] = []
  for (const t of changes) {
    if (t.lines.length === 0) {
      out.push(`- **${safeInline(t.name) || 'Unnamed team'}**: no changes`)
      continue
    }
    out.push(`- **${safeInline(t.name) || 'Unnamed team'}**`)
    for (const line of t.lines) out.push(`  - ${safeInline(line)}`)
  }
  return out.length ? out : ['No teams.']
}

function checkLines(input: SummaryInput): string[] {
  const out: string[] = []
  for (const t of input.agenda) {
    const found = input.findings.get(t.id) ?? []
    if (found.length === 0) continue
    out.push(`- **${safeInline(t.name) || 'Unnamed team'}** (${found.length})`)
    for (const f of found) out.push(`  - ${safeInline(f.message)}`)
  }
  return out.length ? out : ['Nothing: every team’s comment has what the template asks for.']
}

/** A table cell: inline-safe, with pipes escaped (a pipe would end the cell). */
function cell(text: string): string {
  return (safeInline(text) || 'Unnamed team').replace(/(?<!\\)\|/g, '\\|')
}
