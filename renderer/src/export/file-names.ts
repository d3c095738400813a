import type * as Y from 'yjs'
import { TEAM, getTeamMap } from '../../../shared/doc'

/** A file name made from a title: `Sprint - July 1 to July 12` → `sprint-july-1-to-july-12`. */
export function slug(title: string, fallback = 'sprint'): string {
  const s = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return s.slice(0, 80) || fallback
}

/** A team's part of a file name: `Pipeline` → `pipeline`; `team` when it has no usable name. */
export function teamSlug(doc: Y.Doc, teamId: string): string {
  const name = getTeamMap(doc, teamId)?.get(TEAM.name)
  return slug(typeof name === 'string' ? name : '', 'team')
}
