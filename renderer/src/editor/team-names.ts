/** How two team names compare: case, spacing and punctuation aside (`Ingestion ` = `ingestion`). */
export function teamNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * The ids of teams whose name another team also has (empty names aside): the export's team
 * list would show them twice, and an import by name goes to only one of them.
 */
export function duplicateNamedTeams(teams: readonly { id: string; name: string }[]): Set<string> {
  const byName = new Map<string, string[]>()
  for (const t of teams) {
    const key = teamNameKey(t.name)
    if (key === '') continue
    byName.set(key, [...(byName.get(key) ?? []), t.id])
  }
  const out = new Set<string>()
  for (const ids of byName.values()) if (ids.length > 1) for (const id of ids) out.add(id)
  return out
}
