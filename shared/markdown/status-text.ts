import { DEFAULT_LEGEND, type ListRole } from '../template'
import { decisionOf, withoutDecision, type ItemStatus } from '../doc/status'

/**
 * Statuses written in item text: a glyph at the start or end (`✅ text`, `text ✅`), a task box,
 * or for hang-over items a decision word at the end (`… - prioritised`). The glyphs come from the
 * template's legend, so a team with other conventions can change them.
 */

/** Cross-role readings: a retro item marked 🟢 is done, an OKR marked ✅ is green, and so on. */
const EQUIVALENT: Readonly<Record<string, Partial<Record<ListRole, ItemStatus>>>> = {
  done: { retro: 'done', okr: 'green' },
  partly: { retro: 'partly', okr: 'yellow' },
  notDone: { retro: 'notDone', okr: 'red' },
  dropped: { retro: 'dropped' },
  green: { retro: 'done', okr: 'green' },
  yellow: { retro: 'partly', okr: 'yellow' },
  red: { retro: 'notDone', okr: 'red' },
}

/** Other glyphs teams used for the same statuses. */
const ALIASES: Readonly<Record<string, string>> = { '🔄': 'partly', '✔️': 'done', '☑️': 'done' }

/** The status a box checks, per role (a checked retro task is done). */
export const CHECKED_STATUS: Readonly<Record<ListRole, ItemStatus>> = {
  plain: 'checked',
  retro: 'done',
  okr: 'green',
  hangover: 'reprioritised',
}

/** Status → glyph, as stored with the template. */
export type Legend = Readonly<Record<string, string>>

/** The legend in use: the template's, falling back to the defaults for missing statuses. */
export function effectiveLegend(legend: Legend | undefined): Legend {
  return { ...DEFAULT_LEGEND, ...(legend ?? {}) }
}

/** Glyph tables per legend object: an import reads every item with the same legend. */
const GLYPH_TABLES = new WeakMap<Legend, [string, string][]>()

function glyphTable(legend: Legend): [string, string][] {
  const hit = GLYPH_TABLES.get(legend)
  if (hit) return hit
  const table = buildGlyphTable(legend)
  GLYPH_TABLES.set(legend, table)
  return table
}

function buildGlyphTable(legend: Legend): [string, string][] {
  const rows: [string, string][] = Object.entries(legend).map(([status, glyph]) => [glyph, status])
  for (const [glyph, status] of Object.entries(ALIASES)) rows.push([glyph, status])
  // Longest first, and the variation selector is optional.
  return rows
    .flatMap(([g, s]): [string, string][] => [
      [g, s],
      [g.replace(/\uFE0F$/, '') + '\uFE0F', s],
    ])
    .sort((a, b) => b[0].length - a[0].length)
}

function statusOfGlyph(glyphStatus: string, role: ListRole): ItemStatus | undefined {
  if (role === 'plain' || role === 'hangover') return undefined
  return EQUIVALENT[glyphStatus]?.[role]
}

/** Strips a leading status glyph (`✅ text`) the role understands. */
export function takeLeadingGlyph(
  text: string,
  role: ListRole,
  legend: Legend,
): { text: string; status?: ItemStatus } {
  for (const [glyph, s] of glyphTable(legend)) {
    if (text === glyph || text.startsWith(glyph + ' ')) {
      const status = statusOfGlyph(s, role)
      if (status) return { text: text.slice(glyph.length).trimStart(), status }
    }
  }
  return { text }
}

/** Strips a trailing status glyph (`text ✅`, `text - 🟢`) the role understands. */
export function takeTrailingGlyph(
  text: string,
  role: ListRole,
  legend: Legend,
): { text: string; status?: ItemStatus } {
  for (const [glyph, s] of glyphTable(legend)) {
    if (text.endsWith(' ' + glyph)) {
      const status = statusOfGlyph(s, role)
      if (!status) continue
      let rest = text.slice(0, -glyph.length).trimEnd()
      if (rest.endsWith(' -') || rest.endsWith(' –')) rest = rest.slice(0, -2).trimEnd()
      return { text: rest, status }
    }
  }
  return { text }
}

/** The glyph the exporter writes for a status, if the role shows one. */
export function glyphOf(status: ItemStatus, role: ListRole, legend: Legend): string | undefined {
  if (role !== 'retro' && role !== 'okr') return undefined
  return legend[status]
}

/**
 * Hang-over text with its decision: kept as written when the text already ends with a word for
 * the status (or the item is undecided), otherwise a stale word is replaced and the status word
 * appended.
 */
export function withDecision(text: string, status: ItemStatus): string {
  const current = decisionOf(text)
  // Undecided: the text as written (a decision word in it is the writer's, not ours to drop).
  if (current === status || (status !== 'reprioritised' && status !== 'deprioritised')) return text
  const word = status === 'reprioritised' ? 'prioritised' : 'deprioritised'
  const base = withoutDecision(text)
  if (base === '') return word
  return base.endsWith('.') ? `${base} ${word}` : `${base} - ${word}`
}

const HANDLE =
  /(?<![\p{L}\p{N}_@/.`-])@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][\w.-]*[A-Za-z0-9])?)/gu

/** Every `@handle` in a text, in order, without `@`, without duplicates. */
export function handlesIn(text: string): string[] {
  if (!text.includes('@')) return []
  return [...new Set([...text.matchAll(HANDLE)].map((m) => m[1] as string))]
}

/** A `@handle` ending the last line of a text, after a space or tab (or alone on the text). */
const TRAILING_HANDLE =
  /(^|[ \t])@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9][\w.-]*[A-Za-z0-9])?)$/

/**
 * Splits trailing owners off an item's text (`Ship it @ana @tom` → `Ship it`, [ana, tom]).
 * Handles written inside the text stay in it and are owners too.
 *
 * Invariant: `ownersToAppend(text, owners)` gives back exactly the handles taken off, in order,
 * so the exporter writes the line as it was (up to the spaces between the handles). A trailing
 * handle is therefore only taken when it is written nowhere else in the text (else the exporter,
 * seeing it in the text, would not append it again) and only from the last line, after a space
 * (a handle alone on a continuation line would come back on the line above).
 */
export function takeOwners(text: string): { text: string; owners: string[] } {
  let rest = text
  const trailing: string[] = []
  for (;;) {
    // Only the tail from the last `@` can match (saves scanning a long text from its start).
    const at = rest.lastIndexOf('@')
    if (at < 0) break
    const tail = Math.max(0, at - 1)
    const m = TRAILING_HANDLE.exec(tail === 0 ? rest : rest.slice(tail))
    const handle = m?.[2]
    if (m === null || handle === undefined || trailing.includes(handle)) break
    const before = rest.slice(0, tail + m.index).trimEnd()
    if (handlesIn(before).includes(handle)) break
    trailing.unshift(handle)
    rest = before
  }
  return { text: rest, owners: [...new Set([...handlesIn(rest), ...trailing])] }
}

/** The owners to append when exporting: those not already written in the text. */
export function ownersToAppend(text: string, owners: readonly string[]): string[] {
  const inText = new Set([...handlesIn(text), ...ownersInParentheses(text)])
  return owners.filter((o) => !inText.has(o))
}

/** A person's name as teams write it in an owner group: `Brett`, `O'Neil`, `Anne-Marie`. */
const NAME = String.raw`\p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}?\p{Ll}+)*`
const HANDLE_OR_NAME = String.raw`(?:@[A-Za-z0-9][A-Za-z0-9-]*|${NAME})`
/** `(Brett)`, `(Xavier, Tiina, Paul)`, `(Ana & Tom)`, `(@ana / Tom)` ending a text. */
const OWNER_GROUP = new RegExp(
  String.raw`(?:^|\s)\((${HANDLE_OR_NAME}(?:\s*(?:,|&|/|\+|\band\b)\s*${HANDLE_OR_NAME})*)\)$`,
  'u',
)

/** Capitalised words in parentheses that are rarely people: days, months. */
const NOT_NAMES = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
)

/**
 * The people a parenthesised group at the end of an item's text names (`Ship it (Xavier, Tiina,
 * Paul)` → Xavier, Tiina, Paul): teams write owners that way as often as `@handles`. The group
 * stays in the text (written back as the team wrote it); each name is an owner too. A group with
 * anything but names and handles (`(#22131)`, `(maybe next year)`, `(WIP)`, `(Friday)`) names
 * nobody.
 */
export function ownersInParentheses(text: string): string[] {
  if (!text.endsWith(')')) return []
  const group = OWNER_GROUP.exec(text.slice(text.lastIndexOf('\n') + 1))?.[1]
  if (group === undefined) return []
  const people = group.split(/\s*(?:,|&|\/|\+|\band\b)\s*/u).map((p) => p.replace(/^@/, ''))
  if (people.some((p) => NOT_NAMES.has(p.toLowerCase()))) return []
  return [...new Set(people)]
}
