/**
 * "Start next sprint" asked for while a sprint is open: the sprints list picks it up when it mounts, then clears it, and
 * opens its dialog for that sprint.
 */
let pendingNextSprint: string | undefined

export function requestNextSprint(fromSprintId: string): void {
  pendingNextSprint = fromSprintId
}

export function peekPendingNextSprint(): string | undefined {
  return pendingNextSprint
}

export function clearPendingNextSprint(): void {
  pendingNextSprint = undefined
}
