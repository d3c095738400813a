/**
 * A big sprint's teams are rendered a few at a time when it opens: the first screen's teams at
 * once, the rest in small transitions after the first paint (see TeamList). Code that looks a
 * team up in the DOM (a jump, follow, the focus on opening) waits for the rest through
 * {@link whenTeamsRendered}, so it never misses a team that is merely not rendered yet.
 */

let isPending = false
let waiters: (() => void)[] = []

/** Whether some teams of the open sprint are still to be rendered. */
export function areTeamsPending(): boolean {
  return isPending
}

/** Runs `fn` now if every team is rendered, else once they are (dropped if the sprint closes). */
export function whenTeamsRendered(fn: () => void): void {
  if (isPending) waiters.push(fn)
  else fn()
}

/** TeamList: some teams are not rendered yet. */
export function markTeamsPending(): void {
  isPending = true
}

/** TeamList: every team is rendered; what waited runs now, in order. */
export function markTeamsRendered(): void {
  isPending = false
  const run = waiters
  waiters = []
  for (const fn of run) fn()
}

/** TeamList went away (the sprint closed): what waited for it is dropped. */
export function resetTeamsPending(): void {
  isPending = false
  waiters = []
}
