import type * as Y from 'yjs'
import type { TEAM_SECTION } from './schema'
import { GLOBAL_TEAM, getTeamMap, teamSectionKey } from './schema'
import { change } from './transact'
import type { PlacedItem } from './read-items'

/** What a team's section is written with beside its content (see {@link TEAM_SECTION}). */
export type SectionForm = keyof typeof TEAM_SECTION

/** Arguments of {@link setSectionForm}. */
export interface SectionFormArgs {
  teamId: string
  section: string
  form: SectionForm
  /** `true`: written as in the template; `false`: left out. */
  value: boolean
}

/** Sets whether a team's section is written with its guidance or placeholder, in a transaction. */
export function setSectionFormIn(doc: Y.Doc, args: SectionFormArgs): void {
  if (args.teamId === GLOBAL_TEAM) return
  const team = getTeamMap(doc, args.teamId)
  const key = teamSectionKey(args.form, args.section)
  if (team && team.get(key) !== args.value) team.set(key, args.value)
}

/**
 * Sets whether a team's section is written with its guidance comment or its placeholder
 * (`- Item 1. prioritised/deprioritise`). One transaction; no-op for a missing team and for the
 * issue's global sections.
 */
export function setSectionForm(doc: Y.Doc, args: SectionFormArgs): void {
  change(doc, () => setSectionFormIn(doc, args))
}

/**
 * After items left a section (removed or moved away, inside the caller's transaction): when none
 * is left at its top level and one of them had text, the team emptied it on purpose, so the
 * export no longer writes the template's placeholder there.
 */
export function markEmptiedIn(
  doc: Y.Doc,
  all: ReadonlyMap<string, PlacedItem>,
  place: { teamId: string; section: string },
  gone: readonly string[],
): void {
  const left = new Set(gone)
  const hadText = gone.some((id) => (all.get(id)?.text.trim() ?? '') !== '')
  if (!hadText) return
  for (const item of all.values()) {
    const isThere =
      item.effectiveParent === '' &&
      item.effectiveTeam === place.teamId &&
      item.effectiveSection === place.section
    if (isThere && !left.has(item.id)) return
  }
  setSectionFormIn(doc, { ...place, form: 'placeholder', value: false })
}
