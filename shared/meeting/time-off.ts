import type { SectionView, TeamView } from '../doc/types'

/**
 * Who is off the whole sprint, from what a team wrote: its "Off during the sprint" field, and (as
 * 2024-era comments do) lines under its support hero (`- @jon-p - out the whole sprint`).
 * Handles are lower-case, without `@`.
 */

const HANDLE = /@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/g

/** Ways people write "the whole sprint" (not "most of the sprint", not "two days"). */
const WHOLE = [
  /\b(?:whole|entire|full|all)\s+(?:of\s+)?(?:the\s+|this\s+)?sprint\b/i,
  /\bboth\s+weeks\b/i,
  /\b(?:all|whole|entire)\s+(?:the\s+)?(?:two|2)\s+weeks\b/i,
  /\b(?:out|off|away|absent|ooo|on\s+leave|on\s+holiday|on\s+vacation)\s+(?:for\s+|during\s+)?(?:the|this)\s+sprint\b/i,
]

/** Why someone counts as off the whole sprint: the words the team wrote. */
export interface TimeOff {
  handle: string
  /** The entry as written (`@dana (whole sprint)`). */
  said: string
  /** The field names them with nothing more: "Off during the sprint: @dana". */
  isUndated: boolean
}

/** The people a team says are off the whole sprint, by lower-case handle. */
export function offWholeSprint(
  team: Pick<TeamView, 'offDuring' | 'sections'>,
): Map<string, TimeOff> {
  const out = new Map<string, TimeOff>()
  for (const entry of entries(team.offDuring)) {
    const rest = entry.replace(HANDLE, '').replace(/[\s()[\]:,.;–—-]+/g, '')
    const isUndated = rest === ''
    if (isUndated || isWhole(entry)) add(out, entry, isUndated)
  }
  for (const line of heroNotes(team.sections)) if (isWhole(line)) add(out, line, false)
  return out
}

function add(out: Map<string, TimeOff>, said: string, isUndated: boolean): void {
  for (const m of said.matchAll(HANDLE)) {
    const handle = (m[1] ?? '').toLowerCase()
    if (handle && !out.has(handle)) out.set(handle, { handle, said: said.trim(), isUndated })
  }
}

function isWhole(text: string): boolean {
  return WHOLE.some((re) => re.test(text))
}

/** The field split into one entry per person or phrase (`@a (2 days), @b (Friday)`). */
function entries(text: string): string[] {
  return text
    .split(/[,;\n]|\s+and\s+|\s*&\s*/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
}

/** Lines written under the support hero field (items of that field section, nested included). */
function heroNotes(sections: readonly SectionView[]): string[] {
  const out: string[] = []
  for (const s of sections) {
    if (s.kind !== 'field' || s.definition.field !== 'supportHero') continue
    out.push(...s.notes.split('\n'))
    const walk = (items: SectionView['items']): void => {
      for (const i of items) {
        out.push(i.owners.length ? `${i.text} ${i.owners.map((o) => `@${o}`).join(' ')}` : i.text)
        walk(i.children)
      }
    }
    walk(s.items)
  }
  return out
}
