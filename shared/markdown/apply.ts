import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { TEAM, getTeamMap, teamsMap } from '../doc/schema'
import { addExtraSectionIn, addTeamIn } from '../doc/team-mutations'
import { notesTextIn } from '../doc/item-mutations'
import { appendItemTreeIn, lastOrderKeys } from '../doc/item-tree'
import { setListStyleIn } from '../doc/list-style'
import { setSectionFormIn } from '../doc/section-form'
import { readExtraSections } from '../doc/read'
import type { ParsedComment, ParsedSection } from './walk'
import type { ParsedItem } from './parse-items'

/** Finds the team to merge into: the given id, else a team with the same name (case-insensitive). */
export function findTeam(doc: Y.Doc, name: string, teamId: string | undefined): string | undefined {
  if (teamId !== undefined && getTeamMap(doc, teamId)) return teamId
  const wanted = name.trim().toLowerCase()
  let found: string | undefined
  teamsMap(doc).forEach((value: unknown, id) => {
    if (found || !(value instanceof Y.Map)) return
    const n: unknown = (value as Y.Map<unknown>).get(TEAM.name)
    if (typeof n === 'string' && n.trim().toLowerCase() === wanted) found = id
  })
  return found
}

/**
 * Writes a parsed comment into a team, inside the caller's transaction: fields are set when the
 * comment has them, notes are appended to the section's notes, items after its items, and extra
 * sections are added after the section they followed in the comment.
 */
export function applyToTeam(
  doc: Y.Doc,
  teamId: string,
  parsed: ParsedComment,
  isNew: boolean,
): void {
  const team = getTeamMap(doc, teamId)
  // A new team has no items: skip reading the document (keeps a whole-sprint import linear).
  const lastKeys = isNew ? new Map<string, string>() : lastOrderKeys(doc, teamId)
  if (parsed.heroes && parsed.heroes.length > 0) team?.set(TEAM.heroes, parsed.heroes)
  if (parsed.heroText !== undefined) team?.set(TEAM.heroText, parsed.heroText)
  else if (parsed.heroes && parsed.heroes.length > 0) team?.delete(TEAM.heroText)
  // A team with no members yet gets the comment's people (support heroes, then owners as they
  // appear), so the next sprint can suggest a support hero in rotation. Editable like any field.
  const members: unknown = team?.get(TEAM.members)
  if (team && (!Array.isArray(members) || members.length === 0)) {
    const people = peopleOf(parsed)
    if (people.length > 0) team.set(TEAM.members, people)
  }
  if (parsed.offDuring) team?.set(TEAM.offDuring, parsed.offDuring)
  const existing = readExtraSections(doc, teamId)
  const taken = new Set(existing.map((e) => e.def.key))
  let order = existing.reduce<string | null>(
    (max, e) => (max && max > e.order ? max : e.order || max),
    null,
  )
  let previous = ''
  for (const sec of parsed.sections) {
    let key = sec.key
    if (sec.isExtra) {
      if (/^x\d+$/.test(key)) key = freshKey(taken)
      taken.add(key)
      order = generateKeyBetween(order, null)
      addExtraSectionIn(doc, { teamId, section: { ...sec.def, key }, after: previous, order })
    }
    writeSection(doc, teamId, key, sec, lastKeys.get(key) ?? null)
    previous = key
  }
  writeForms(doc, teamId, parsed, isNew)
}

/**
 * Remembers what the comment wrote of each section's guidance comment and placeholder, so the
 * export writes them only where the team did. Merged into a team that was there already, only
 * the sections the comment has are told.
 */
function writeForms(doc: Y.Doc, teamId: string, parsed: ParsedComment, isNew: boolean): void {
  for (const [section, form] of Object.entries(parsed.forms ?? {})) {
    if (!isNew && !form.isPresent) continue
    if (form.guidance !== undefined) {
      setSectionFormIn(doc, { teamId, section, form: 'guidance', value: form.guidance })
    }
    // A section the comment does not have keeps the template's placeholder.
    if (form.placeholder !== undefined && form.isPresent) {
      setSectionFormIn(doc, { teamId, section, form: 'placeholder', value: form.placeholder })
    }
  }
}

/** Writes a section's notes and items (the team `''` is the global part). */
export function writeSection(
  doc: Y.Doc,
  teamId: string,
  key: string,
  sec: ParsedSection,
  after?: string | null,
): void {
  const notes = sec.notes.filter((n) => n.trim() !== '').join('\n\n')
  if (notes !== '') {
    const text = notesTextIn(doc, teamId, key)
    text.insert(text.length, text.length > 0 ? `\n\n${notes}` : notes)
  }
  if (sec.items.length === 0) return
  const last = after !== undefined ? after : (lastOrderKeys(doc, teamId).get(key) ?? null)
  // The list keeps the numbering it was written with, unless it extends a list already there.
  if (sec.list && last === null) {
    setListStyleIn(doc, { teamId, section: key, style: sec.list })
  }
  appendItemTreeIn(doc, { teamId, section: key, items: sec.items, after: last })
}

const MAX_MEMBERS = 30

/** The people a comment names as heroes and owners (handles, names), first mention first, once each. */
function peopleOf(parsed: ParsedComment): string[] {
  const seen = new Map<string, string>()
  const add = (handle: string): void => {
    const h = handle.replace(/^@+/, '').trim()
    // A handle, or a name written in parentheses (`(Brett)`; `Anne-Marie`, `O'Neil`).
    if (/^[\p{L}\p{N}][\p{L}\p{N}'’-]{0,38}$/u.test(h) && !seen.has(h.toLowerCase())) {
      seen.set(h.toLowerCase(), h)
    }
  }
  for (const hero of parsed.heroes ?? []) add(hero.handle)
  const walk = (items: readonly ParsedItem[]): void => {
    for (const item of items) {
      item.owners.forEach(add)
      walk(item.children)
    }
  }
  for (const sec of parsed.sections) walk(sec.items)
  return [...seen.values()].slice(0, MAX_MEMBERS)
}

function freshKey(taken: Set<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`x${i}`)) return `x${i}`
}

/** Adds a team named `name` inside the caller's transaction. */
export function createTeam(doc: Y.Doc, name: string): string {
  return addTeamIn(doc, { name })
}
