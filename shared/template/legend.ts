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

/** Words of the optional legend line, per status (`✅ done · 🌀 in progress · …`). */
export const LEGEND_LABELS: Readonly<Record<string, string>> = {
  done: 'done',
  partly: 'in progress',
  notDone: 'not done',
  dropped: 'dropped',
  green: 'on track',
  yellow: 'at risk',
  red: 'off track',
}
