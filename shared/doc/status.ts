import type { ListRole } from '../template/types'

/** Statuses of a retro item (last sprint's item, marked in the meeting). */
export const RETRO_STATUSES = ['unmarked', 'done', 'partly', 'notDone', 'dropped'] as const
/** Statuses of an OKR. */
export const OKR_STATUSES = ['unset', 'green', 'yellow', 'red'] as const
/** Decisions on a hang-over item. */
export const HANGOVER_STATUSES = ['undecided', 'reprioritised', 'deprioritised'] as const
/** A plain item is a task: checked or not. */
export const PLAIN_STATUSES = ['unchecked', 'checked'] as const

export type RetroStatus = (typeof RETRO_STATUSES)[number]
export type OkrStatus = (typeof OKR_STATUSES)[number]
export type HangoverStatus = (typeof HANGOVER_STATUSES)[number]
export type PlainStatus = (typeof PLAIN_STATUSES)[number]
export type ItemStatus = RetroStatus | OkrStatus | HangoverStatus | PlainStatus

const BY_ROLE: Readonly<Record<ListRole, readonly ItemStatus[]>> = {
  retro: RETRO_STATUSES,
  okr: OKR_STATUSES,
  hangover: HANGOVER_STATUSES,
  plain: PLAIN_STATUSES,
}

/** The statuses an item may have in a section of the given role; the first is the default. */
export function statusesFor(role: ListRole): readonly ItemStatus[] {
  return BY_ROLE[role]
}

/** The default (unmarked) status of a role. */
export function defaultStatus(role: ListRole): ItemStatus {
  return BY_ROLE[role][0] as ItemStatus
}

/**
 * Interprets a stored status for a role. The stored value is kept as written (so moving an item to
 * a section of another role and back restores it); here a value foreign to the role reads as the
 * role's default.
 */
export function statusForRole(role: ListRole, stored: unknown): ItemStatus {
  const list = BY_ROLE[role]
  return typeof stored === 'string' && (list as readonly string[]).includes(stored)
    ? (stored as ItemStatus)
    : defaultStatus(role)
}

/** True when the status is one of any role's vocabulary. */
export function isKnownStatus(value: unknown): value is ItemStatus {
  return (
    typeof value === 'string' &&
    Object.values(BY_ROLE).some((list) => (list as readonly string[]).includes(value))
  )
}

/**
 * A hang-over decision word closing an item's text, set off the way people write it and the
 * exporter writes it: after a full stop, comma, semicolon or colon (`… March. prioritised`), after
 * a dash (`… - deprioritised`), or in brackets (`… (prioritised)`). A word that is simply part of
 * the sentence (`Decide whether to deprioritise`) is not a decision.
 */
const DECISION =
  /(?:(?<=[.,;:])\s*|\s+[-–]{1,2}\s*|\s*\()((?:re-?)?prioriti[sz]ed?|de-?prioriti[sz]ed?)\)?\.?$/i

/** The hang-over decision a text ends with, as teams write it in the comment. */
export function decisionOf(text: string): HangoverStatus | undefined {
  const word = decisionMatch(text)?.[1]
  if (word === undefined) return undefined
  return /^de/i.test(word) ? 'deprioritised' : 'reprioritised'
}

/** The decision word's match, when there is text before it (a bare word is no decision). */
function decisionMatch(text: string): RegExpExecArray | undefined {
  const m = DECISION.exec(text)
  return m?.[1] && m.index > 0 ? m : undefined
}

/** The text without a closing decision word and its separator (`Foo - prioritised` → `Foo`). */
export function withoutDecision(text: string): string {
  const m = decisionMatch(text)
  return m ? text.slice(0, m.index).replace(/\s*[-–:]*\s*$/, '') : text
}
