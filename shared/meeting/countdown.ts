/**
 * How a team's countdown reads: its phase, the milestones a peer signals (gently: a colour, a
 * pulse, a screen-reader announcement, never a modal), and the text shown. Pure functions of the
 * time left in ms (negative once over time).
 */

/** When the gentle "one minute left" signal is given. */
export const ONE_MINUTE_MS = 60_000

export type CountdownPhase = 'running' | 'lastMinute' | 'over' | 'paused'

export function countdownPhase(remainingMs: number, isPaused: boolean): CountdownPhase {
  if (isPaused) return 'paused'
  if (remainingMs <= 0) return 'over'
  return remainingMs <= ONE_MINUTE_MS ? 'lastMinute' : 'running'
}

export type Milestone = 'oneMinute' | 'zero'

/**
 * The milestones passed between two looks at the same countdown (`before` undefined: the first
 * look, which signals nothing, so opening a sprint mid-meeting does not chime). Both at once when
 * a look was missed (a sleeping laptop), in order.
 */
export function crossedMilestones(before: number | undefined, after: number): Milestone[] {
  if (before === undefined) return []
  const out: Milestone[] = []
  if (before > ONE_MINUTE_MS && after <= ONE_MINUTE_MS) out.push('oneMinute')
  if (before > 0 && after <= 0) out.push('zero')
  return out
}

/**
 * The countdown as shown: `4:32` left (whole seconds rounded up, so it reads 0:00 exactly when
 * time is up), `+1:05` over (rounded down), hours when it comes to that (`1:02:03`).
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs > 0) return clock(Math.ceil(remainingMs / 1000))
  return `+${clock(Math.floor(-remainingMs / 1000))}`
}

/** A duration as `m:ss` (or `h:mm:ss`), for tables (whole seconds, rounded). */
export function formatDuration(ms: number): string {
  return clock(Math.round(Math.max(0, ms) / 1000))
}

/** A duration in words, for screen readers and summaries: `4 min 5 s`, `45 s`, `1 h 2 min`. */
export function durationWords(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const parts = [h ? `${h} h` : '', m ? `${m} min` : '', s || (!h && !m) ? `${s} s` : '']
  return parts.filter(Boolean).join(' ')
}

function clock(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = String(totalSeconds % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
