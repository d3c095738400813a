import * as Y from 'yjs'

/**
 * The only module that names the Yjs roots and keys of a sprint document. Everything else goes
 * through these accessors.
 *
 * Layout of one sprint (one Y.Doc):
 * - `meta`  Y.Map: `id`, `title`, `startDate`, `endDate` (ISO `YYYY-MM-DD`), `createdAt` (ms),
 *   `schemaVersion` (number), `template` (a plain JSON copy of the template definition),
 *   `previousSprintId` (the sprint this one was started from, if any).
 * - `teams` Y.Map<teamId, Y.Map>: `name`, `order` (fractional key), `heroes` (plain array of
 *   `{ label, handle }`), `offDuring` (string), `members` (plain array of handles),
 *   `heroSuggestion` (handle suggested as support hero when the sprint was started, or absent).
 * - `items` Y.Map<itemId, Y.Map>: `text` (Y.Text), `team` (teamId, or `''` for the global sections
 *   of the issue), `section` (template section key), `parent` (itemId or `''`), `order`
 *   (fractional key), `status` (string, interpreted per section role), `owners` (plain array of
 *   handles), `task` (boolean: rendered as `- [ ]`), `group` (person the item is grouped under, or
 *   `''`), `from` (itemId this item was carried over from, or `''`).
 * - `notes` Y.Map<noteKey, Y.Text>: free text of a section that is not list items, keyed by
 *   {@link noteKey}.
 * - `extraSections` Y.Map<teamId, Y.Map<sectionKey, plain section JSON>>: sections one team has
 *   beyond the template (kept from an import).
 * - `meeting` Y.Map: the planning meeting run in the app (see {@link MEETING}). Not part of the
 *   plan: the export never reads it, and its writes use their own origin, so undo skips them.
 *
 * Items are a flat map: an item's place (team, section, parent, order) is data, so moving an item
 * is a field change and never a delete + insert.
 */
export const ROOT = {
  meta: 'meta',
  teams: 'teams',
  items: 'items',
  notes: 'notes',
  extraSections: 'extraSections',
  meeting: 'meeting',
} as const

export const META = {
  id: 'id',
  title: 'title',
  startDate: 'startDate',
  endDate: 'endDate',
  createdAt: 'createdAt',
  schemaVersion: 'schemaVersion',
  template: 'template',
  previousSprintId: 'previousSprintId',
} as const

export const TEAM = {
  name: 'name',
  order: 'order',
  heroes: 'heroes',
  offDuring: 'offDuring',
  members: 'members',
  heroSuggestion: 'heroSuggestion',
} as const

export const ITEM = {
  text: 'text',
  team: 'team',
  section: 'section',
  parent: 'parent',
  order: 'order',
  status: 'status',
  owners: 'owners',
  task: 'task',
  group: 'group',
  from: 'from',
} as const

/**
 * Keys of the `meeting` root: `agenda` (plain array of team ids in speaking order; teams not in
 * it follow in sprint order), `minutes` (number: minutes per team), `run` (Y.Map of the meeting
 * now running or last ended, see {@link RUN}; a new meeting replaces it whole, so two people
 * starting one at the same moment end with one of the two, never a mix).
 */
export const MEETING = {
  agenda: 'agenda',
  minutes: 'minutes',
  run: 'run',
} as const

/**
 * Keys of a meeting run: `id`, `status` (`running` | `ended`), `started` (a `ClockStamp`: a time
 * on one laptop's clock), `ended` and `durationMs` once ended, `timer` (plain object: see
 * `MeetingTimer`), `baseline` (plain JSON snapshot of the plan when it started), and
 * one key per team spoken (`spent/<teamId>`: ms) and per person present (`attendee/<key>`:
 * `{ name, handle }`), each written on its own so concurrent writers never overwrite each other's.
 */
export const RUN = {
  id: 'id',
  status: 'status',
  started: 'started',
  ended: 'ended',
  durationMs: 'durationMs',
  timer: 'timer',
  baseline: 'baseline',
  spentPrefix: 'spent/',
  attendeePrefix: 'attendee/',
} as const

/** The run key of the time a team has spoken in a meeting. */
export function spentKey(teamId: string): string {
  return RUN.spentPrefix + teamId
}

/** The run key of a person present at a meeting (their device id). */
export function attendeeKey(key: string): string {
  return RUN.attendeePrefix + key
}

/** The team id used by items and notes of the global sections. */
export const GLOBAL_TEAM = ''

/** The current schema version written by this build. */
export const SCHEMA_VERSION = 1

/** A value stored in a Y.Map of the model. */
export type YValue = unknown

export function metaMap(doc: Y.Doc): Y.Map<YValue> {
  return doc.getMap(ROOT.meta)
}

export function teamsMap(doc: Y.Doc): Y.Map<Y.Map<YValue>> {
  return doc.getMap(ROOT.teams)
}

export function itemsMap(doc: Y.Doc): Y.Map<Y.Map<YValue>> {
  return doc.getMap(ROOT.items)
}

export function notesMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap(ROOT.notes)
}

export function extraSectionsMap(doc: Y.Doc): Y.Map<Y.Map<YValue>> {
  return doc.getMap(ROOT.extraSections)
}

export function meetingMap(doc: Y.Doc): Y.Map<YValue> {
  return doc.getMap(ROOT.meeting)
}

/** The meeting run's Y.Map, if there is one with the right type. */
export function getRunMap(doc: Y.Doc): Y.Map<YValue> | undefined {
  const run: unknown = meetingMap(doc).get(MEETING.run)
  return run instanceof Y.Map ? (run as Y.Map<YValue>) : undefined
}

/** Key of a section's free-text notes: `<teamId>/<sectionKey>` (`/<sectionKey>` for global). */
export function noteKey(teamId: string, sectionKey: string): string {
  return `${teamId}/${sectionKey}`
}

/** The team's Y.Map, if it exists and has the right type. */
export function getTeamMap(doc: Y.Doc, teamId: string): Y.Map<YValue> | undefined {
  const t: unknown = teamsMap(doc).get(teamId)
  return t instanceof Y.Map ? (t as Y.Map<YValue>) : undefined
}

/** The item's Y.Map, if it exists and has the right type. */
export function getItemMap(doc: Y.Doc, itemId: string): Y.Map<YValue> | undefined {
  const m: unknown = itemsMap(doc).get(itemId)
  return m instanceof Y.Map ? (m as Y.Map<YValue>) : undefined
}

/** The Y.Text of an item, for binding an editor to it; `undefined` if missing or malformed. */
export function getItemText(doc: Y.Doc, itemId: string): Y.Text | undefined {
  const t: unknown = getItemMap(doc, itemId)?.get(ITEM.text)
  return t instanceof Y.Text ? t : undefined
}

/** The Y.Text holding a section's notes, if any. */
export function getNotesText(doc: Y.Doc, teamId: string, sectionKey: string): Y.Text | undefined {
  const t: unknown = notesMap(doc).get(noteKey(teamId, sectionKey))
  return t instanceof Y.Text ? t : undefined
}

/** Every shared root of the model (the scope of undo managers and observers). */
export function allRoots(doc: Y.Doc): Y.Map<unknown>[] {
  return Object.values(ROOT).map((name) => doc.getMap<unknown>(name))
}
