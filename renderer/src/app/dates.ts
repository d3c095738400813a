const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Parses an ISO `YYYY-MM-DD` date as a UTC date; undefined when malformed. */
export function parseIsoDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return undefined
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return Number.isNaN(d.getTime()) ? undefined : d
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso)
  if (!d) return iso
  d.setUTCDate(d.getUTCDate() + days)
  return toIsoDate(d)
}

/** `July 1` */
export function monthDay(iso: string): string {
  const d = parseIsoDate(iso)
  return d ? `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}` : iso
}

/** The template's title: `Sprint - July 1 to July 12`. */
export function defaultSprintTitle(startDate: string, endDate: string): string {
  return `Sprint - ${monthDay(startDate)} to ${monthDay(endDate)}`
}

/** The Monday on or after `from` (local calendar day). */
export function nextMonday(from: Date): string {
  const d = new Date(Date.UTC(from.getFullYear(), from.getMonth(), from.getDate()))
  const add = (8 - d.getUTCDay()) % 7
  d.setUTCDate(d.getUTCDate() + add)
  return toIsoDate(d)
}

/** A two-week sprint starting on a Monday ends on the Friday of the next week. */
export function twoWeeksFrom(startDate: string): { startDate: string; endDate: string } {
  return { startDate, endDate: addDays(startDate, 11) }
}

/** `Jul 1 – Jul 12, 2024` for the sprints list. */
export function dateRangeLabel(startDate: string, endDate: string): string {
  const s = parseIsoDate(startDate)
  const e = parseIsoDate(endDate)
  if (!s || !e) return `${startDate} – ${endDate}`
  const fmt = (d: Date): string =>
    `${(MONTHS[d.getUTCMonth()] ?? '').slice(0, 3)} ${d.getUTCDate()}`
  return `${fmt(s)} – ${fmt(e)}, ${e.getUTCFullYear()}`
}
