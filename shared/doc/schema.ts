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
 *   `heroSuggestion` (handle suggested as support hero when the sprint was started, or absent),
 *   `heroText` (the support hero line as an imported comment wrote it, `Week 1: @a, Week 2: @b`;
 *   written back while `heroes` are still what it says, removed when they are edited), and one
 *   boolean per section and form (`guidance/<sectionKey>`, `placeholder/<sectionKey>`, see
 *   {@link TEAM_SECTION}).
 * - `items` Y.Map<itemId, Y.Map>: `text` (Y.Text), `team` (teamId, or `''` for the global sections
 *   of the issue), `section` (template section key), `parent` (itemId or `''`), `order`
 *   (fractional key), `status` (string, interpreted per section role), `owners` (plain array of
 *   handles), `task` (boolean: rendered as `- [ ]`), `group` (person the item is grouped under, or
 *   `''`), `from` (itemId this item was carried over from, or `''`), `list` (`{ ordered, start }`: how
 *   this item's children are numbered; absent: bullets).
 * - `notes` Y.Map<noteKey, Y.Text>: free text of a section that is not list items, keyed by
 *   {@link noteKey}.
 * - `extraSections` Y.Map<teamId, Y.Map<sectionKey, plain section JSON>>: sections one team has
 *   beyond the template (kept from an import).
 * - `lists` Y.Map<listKey, `{ ordered, start }`>: how a section's top-level list is numbered, as
 *   the team wrote it, keyed by {@link listKey}; absent: the template section's `listStyle`.
 *   A nested list's style is its parent item's `list` field.
 * - `sectionEdits` Y.Map<editKey, plain value>: edits of the template's sections, one entry per
 *   (scope, section, field), keyed by {@link sectionEditKey}; `meta.template`'s sections are the
 *   base they apply to (see `template-sections.ts`).
 * - `meeting` Y.Map: the planning meeting run in the app (see {@link MEETING}). Not part of the
 *   plan: the export never reads it, and its writes use their own origin, so undo skips them.
 *
 * Items are a flat map: an item's place (team, section, parent, order) is data, so moving an item
 * is a field change and never a delete + insert.
 *
 * Beside the content, two roots serve the version history (`shared/history`), outside
 * {@link ROOT} so that undo and the content readers never see them:
 * - `editors` Y.Map<clientId (decimal string), plain `{ name, color, handle }`>: who wrote with
 *   each Yjs client id, so a checkpoint can name the people who changed a team.
 * - `restores` Y.Array of plain `{ at, clientId, name, scope, label }`: each restore from the
 *   history, so every peer can say who restored what.
 */
export const ROOT = {
  meta: 'meta',
  teams: 'teams',
  items: 'items',
  notes: 'notes',
  extraSections: 'extraSections',
  lists: 'lists',
  sectionEdits: 'sectionEdits',
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
  heroText: 'heroText',
} as const

/**
 * Per-section keys of a team (`<prefix><sectionKey>` → boolean), each on its own so that writes
 * for two sections never overwrite each other. Absent means the template's way:
 * - `guidance/`: `false` when the team's comment had no guidance comment (`<!-- … -->`) in the
 *   section, so the export writes none; `true` when it had it.
 * - `placeholder/`: whether the section, while it has no items, is written with the template's
 *   placeholder (`- Item 1. prioritised/deprioritise`): `true` when the team's comment had it,
 *   `false` once the team filled the section or emptied it on purpose. Absent: only while the
 *   section has no notes either.
 */
export const TEAM_SECTION = {
  guidance: 'guidance/',
  placeholder: 'placeholder/',
} as const

/** The team key of one section's form (see {@link TEAM_SECTION}). */
export function teamSectionKey(form: keyof typeof TEAM_SECTION, sectionKey: string): string {
  return TEAM_SECTION[form] + sectionKey
}

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
  list: 'list',
} as const

/** The roots of the version history (see the layout above); never part of undo. */
export const HISTORY_ROOT = {
  editors: 'editors',
  restores: 'restores',
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
export const SCHEMA_VERSION = 2

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

export function editorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(HISTORY_ROOT.editors)
}

export function restoresArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(HISTORY_ROOT.restores)
}

export function listsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.lists)
}

/** Key of a section's top-level list style in `lists`: `<teamId>/<sectionKey>` like notes. */
export function listKey(teamId: string, sectionKey: string): string {
  return noteKey(teamId, sectionKey)
}

export function sectionEditsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT.sectionEdits)
}

/**
 * Key of one field of one template section in `sectionEdits`: `t` (team template) or `i` (the
 * issue's global sections), the section key and the field, NUL-separated.
 */
export function sectionEditKey(scope: 'team' | 'issue', sectionKey: string, field: string): string {
  return `${scope === 'team' ? 't' : 'i'}\u0000${sectionKey}\u0000${field}`
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
