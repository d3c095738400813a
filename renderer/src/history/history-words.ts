import type { CheckpointReason } from '../../../shared/history'

/** Why a checkpoint was taken, in words for its row in the History panel. */
export const REASON_WORDS: Readonly<Record<CheckpointReason, string>> = {
  opened: 'Opened',
  editing: 'While editing',
  import: 'Before an import',
  restore: 'Before a restore',
  sections: 'Before a Sections change',
  'next-sprint': 'Before Start next sprint',
  peer: "Before a colleague's changes arrived",
  manual: 'Saved by hand',
  file: 'From a file',
}

const DAY = 86_400_000

/** `10:42` today, `Yesterday 10:42`, else `Mon 1 Jul 10:42` (local time). */
export function checkpointTime(at: number, now = Date.now()): string {
  const d = new Date(at)
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  const midnight = new Date(new Date(now).toDateString()).getTime()
  if (at >= midnight) return time
  if (at >= midnight - DAY) return `Yesterday ${time}`
  const day = d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })
  return `${day} ${time}`
}

/** `1.2 MB`, `184 KB`, `900 bytes`. */
export function byteSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`
  return `${bytes} bytes`
}
