import type { OpenSprint } from '../store/open-sprint'
import { parseRoute } from './route'

/**
 * Opening a sprint starts as soon as the URL names it, not when its screen mounts: the sprint
 * view is a chunk of its own, and React reveals a lazy screen at the earliest 300 ms after its
 * "Loading…" fallback, so a sprint opened from a reload (or a link, before the chunk is in)
 * would read and load its document only after that wait. Here the document loads while the
 * chunks arrive; the screen takes it with {@link takeEarlyOpen}. An early open nobody took (the
 * user went elsewhere first) is closed when the URL changes.
 */

const early = new Map<string, Promise<OpenSprint>>()
let prepare: () => unknown = () => undefined

function openFromHash(): void {
  const route = parseRoute(window.location.hash)
  const wanted = route.screen === 'sprint' ? route.sprintId : undefined
  for (const [id, opening] of early) {
    if (id === wanted) continue
    early.delete(id)
    void opening.then((s) => s.close()).catch(() => undefined)
  }
  if (wanted === undefined || early.has(wanted)) return
  // What the sprint view awaits besides the document (the sync chunks) starts loading now too.
  void Promise.resolve(prepare()).catch(() => undefined)
  const opening = import('../store/open-sprint').then((m) => m.OpenSprint.open(wanted))
  // A failure is the screen's to show when it takes the promise; never an unhandled rejection.
  opening.catch(() => undefined)
  early.set(wanted, opening)
}

/**
 * Starts opening the sprint the URL names, now and on every change of the URL, and calls
 * `prepareSprint` (loading what an open sprint needs besides its document) alongside.
 */
export function startEarlyOpens(prepareSprint?: () => unknown): void {
  if (prepareSprint) prepare = prepareSprint
  openFromHash()
  window.addEventListener('hashchange', openFromHash)
}

/** The open already under way for `sprintId`, handed over once: the caller now owns it. */
export function takeEarlyOpen(sprintId: string): Promise<OpenSprint> | undefined {
  const opening = early.get(sprintId)
  early.delete(sprintId)
  return opening
}
