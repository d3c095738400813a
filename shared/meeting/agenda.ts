/**
 * The agenda: the teams in speaking order. Pure functions over team ids.
 */

/**
 * The speaking order: the stored agenda's teams that still exist, in its order, then every other
 * team of the sprint (added since, or never ordered) in the sprint's order.
 */
export function agendaOrder(stored: readonly string[], teamIds: readonly string[]): string[] {
  const exists = new Set(teamIds)
  const head = [...new Set(stored)].filter((id) => exists.has(id))
  const inHead = new Set(head)
  return [...head, ...teamIds.filter((id) => !inHead.has(id))]
}

/**
 * Who speaks after `current`: the next team in the agenda; when nobody speaks yet (or the
 * speaking team was removed) the first team that has not spoken. `undefined` at the end.
 */
export function nextSpeaker(
  agenda: readonly string[],
  current: string,
  spent: Readonly<Record<string, number>>,
): string | undefined {
  const i = agenda.indexOf(current)
  if (i >= 0) return agenda[i + 1]
  return agenda.find((id) => spent[id] === undefined)
}

/** The agenda with `teamId` moved one place earlier (-1) or later (1); unchanged at an end. */
export function moveInAgenda(agenda: readonly string[], teamId: string, by: -1 | 1): string[] {
  const out = [...agenda]
  const i = out.indexOf(teamId)
  const j = i + by
  if (i < 0 || j < 0 || j >= out.length) return out
  out[i] = out[j] as string
  out[j] = teamId
  return out
}
