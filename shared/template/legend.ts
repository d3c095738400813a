/**
 * The default status → glyph legend (PostHog's conventions). Keys are the model's status values
 * (see shared/doc/status.ts); values are what the exporter writes and the importer recognises.
 */
export const DEFAULT_LEGEND: Readonly<Record<string, string>> = {
  done: '✅',
  partly: '🌀',
  notDone: '❌',
  dropped: '⛔',
  green: '🟢',
  yellow: '🟡',
  red: '🔴',
}
