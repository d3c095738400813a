/**
 * When checkpoints are taken, and which are kept. Pure functions of times, so the rule is tested
 * without clocks or storage.
 */

/** How much editing (since the last checkpoint) makes the next one. */
export const EDITING_INTERVAL_MS = 5 * 60_000

/** How long without a colleague's change counts as having been apart, for a `peer` checkpoint. */
export const APART_MS = 2 * 60_000

/** The retention rule: every checkpoint of today, one per hour for a week, one per day before. */
export interface RetentionRule {
  /** Days before today that keep one checkpoint per hour (then one per day). */
  hourlyDays: number
  /** A bound on today's checkpoints (imports, restores… are not throttled): the newest are kept. */
  maxToday: number
}

export const DEFAULT_RETENTION: RetentionRule = { hourlyDays: 7, maxToday: 200 }

/** A checkpoint as the rule sees it. */
export interface Timed {
  id: string
  at: number
}

/**
 * The ids of the checkpoints to keep at `now` (local time decides what "today" and an hour
 * are): every one of today (at most `maxToday`, the newest), the newest of each hour of the
 * `hourlyDays` days before, and the newest of each day before those. The newest checkpoint is
 * always kept, and so is one from the future (a device whose clock was ahead).
 */
export function checkpointsToKeep(
  checkpoints: readonly Timed[],
  now: number,
  rule: RetentionRule = DEFAULT_RETENTION,
): Set<string> {
  const today = startOfDay(now)
  const hourlyFrom = addDays(today, -rule.hourlyDays)
  const newestFirst = [...checkpoints].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
  const keep = new Set<string>()
  const buckets = new Set<string>()
  let todayCount = 0
  newestFirst.forEach((c, i) => {
    if (i === 0 || c.at > now) {
      keep.add(c.id)
      if (c.at >= today) todayCount++
      return
    }
    if (c.at >= today) {
      if (todayCount++ < rule.maxToday) keep.add(c.id)
      return
    }
    const d = new Date(c.at)
    const bucket =
      c.at >= hourlyFrom
        ? `h${d.getFullYear()}-${d.getMonth()}-${d.getDate()}-${d.getHours()}`
        : `d${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
    // Newest first: the first one met in a bucket is its newest.
    if (!buckets.has(bucket)) {
      buckets.add(bucket)
      keep.add(c.id)
    }
  })
  return keep
}

/** Local midnight of the day of `t`. */
export function startOfDay(t: number): number {
  const d = new Date(t)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}

function addDays(t: number, days: number): number {
  const d = new Date(t)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime()
}

/**
 * Whether an edit now should take an `editing` checkpoint: the document changed since the last
 * checkpoint and that one is at least {@link EDITING_INTERVAL_MS} old.
 */
export function isEditingCheckpointDue(lastAt: number | undefined, now: number): boolean {
  return lastAt === undefined || now - lastAt >= EDITING_INTERVAL_MS
}

/** Whether a colleague's change arriving now comes after being apart (see {@link APART_MS}). */
export function isAfterBeingApart(lastRemoteAt: number | undefined, now: number): boolean {
  return lastRemoteAt === undefined || now - lastRemoteAt >= APART_MS
}
