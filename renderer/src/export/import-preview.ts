import * as Y from 'yjs'
import { ITEM, TEAM, getTeamMap, itemsMap } from '../../../shared/doc'
import { importTargets, type ImportTarget } from '../../../shared/markdown'

/** The "Into" choice that sends a comment to the team it names, or a new team. */
export const BY_NAME = '__by_name__'

/** What the dialog tells before importing: a sentence, and one line per comment when several. */
export interface ImportPreview {
  summary: string
  lines: string[]
}

function teamName(doc: Y.Doc, teamId: string): string {
  const name: unknown = getTeamMap(doc, teamId)?.get(TEAM.name)
  return typeof name === 'string' && name.trim() ? name : 'Unnamed team'
}

function itemCount(doc: Y.Doc, teamId: string): number {
  let n = 0
  itemsMap(doc).forEach((item: unknown) => {
    if (item instanceof Y.Map && item.get(ITEM.team) === teamId) n++
  })
  return n
}

function already(doc: Y.Doc, teamId: string): string {
  const count = itemCount(doc, teamId)
  return count > 0
    ? ` It has ${count} item${count === 1 ? '' : 's'} already: the comment's items are added after them.`
    : ''
}

/** Where one comment goes, for the dialog (the comment pasted alone). */
function oneComment(doc: Y.Doc, to: ImportTarget, target: string): string {
  if (to.teamId === undefined)
    return to.name === undefined
      ? 'No “Team …” heading found: it will be a new team named “Unnamed”.'
      : `It will be a new team, “${to.name}”.`
  const how = target === BY_NAME ? ' (same name)' : ''
  return `It will be merged into “${teamName(doc, to.teamId)}”${how}.${already(doc, to.teamId)}`
}

/**
 * Says, before importing, where the pasted text goes: for one comment, which team and whether
 * it adds to items; for several, one line per comment (merged into a team of the same name, a
 * new team, or the new team an earlier comment of the paste adds).
 */
export function previewImport(doc: Y.Doc, markdown: string, target: string): ImportPreview {
  if (!markdown.trim()) return { summary: '', lines: [] }
  const targets = importTargets(doc, markdown, target === BY_NAME ? {} : { teamId: target })
  const first = targets[0]
  if (!first || first.error !== undefined) return { summary: '', lines: [] }
  if (targets.length === 1) return { summary: oneComment(doc, first, target), lines: [] }
  const added = new Set<string>()
  const lines = targets.map(({ name, teamId }) => {
    const label = `Team ${name ?? '(no name)'}`
    if (teamId !== undefined)
      return `${label}: merged into “${teamName(doc, teamId)}”.${already(doc, teamId)}`
    const key = (name ?? '').trim().toLowerCase()
    if (added.has(key)) return `${label}: added to the new team “${name ?? ''}” above.`
    added.add(key)
    return `${label}: a new team.`
  })
  const chosen = target === BY_NAME ? '' : ' (not into the chosen team)'
  return {
    summary: `${targets.length} comments found: each goes to the team it names${chosen}.`,
    lines,
  }
}
