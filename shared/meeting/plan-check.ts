import type { ItemView, SectionView, SprintView, TeamView } from '../doc/types'
import { offWholeSprint } from './time-off'

/**
 * The plan check: per team, what the template asks for that is missing before the comment is
 * posted. It only reports; the export stays possible whatever it finds. Empty items (template
 * placeholders) are never reported.
 */

export type CheckRule =
  | 'noSupportHero'
  | 'heroOff'
  | 'retroUnmarked'
  | 'hangoverUndecided'
  | 'okrNoStatus'
  | 'okrNoAction'
  | 'highNoOwner'
  | 'ownerOff'

/** Where the finding is fixed: an item's text, or a team field. */
export type CheckTarget =
  { kind: 'item'; itemId: string } | { kind: 'field'; field: 'supportHero' | 'offDuring' }

export interface CheckFinding {
  teamId: string
  rule: CheckRule
  /** One sentence, naming the item (`High priority item with no owner: “Inline geoip”`). */
  message: string
  target: CheckTarget
}

/** Longest item text quoted in a message. */
const QUOTE_CHARS = 60

/** Every team's findings, by team id (a team with none maps to an empty list). */
export function checkPlan(view: Pick<SprintView, 'teams'>): Map<string, CheckFinding[]> {
  return new Map(view.teams.map((t) => [t.id, checkTeam(t)]))
}

/** One team's findings, in the order of the comment's sections. */
export function checkTeam(team: TeamView): CheckFinding[] {
  const out: CheckFinding[] = []
  const push = (rule: CheckRule, message: string, target: CheckTarget): void => {
    out.push({ teamId: team.id, rule, message, target })
  }
  const off = offWholeSprint(team)
  for (const s of team.sections) {
    if (s.kind === 'field' && s.definition.field === 'supportHero') checkHero(team, off, push)
    if (s.kind !== 'list') continue
    for (const item of s.items) {
      if (item.text.trim() === '') continue
      checkItem(s, item, push)
    }
  }
  checkOwnersOff(team, off, push)
  return out
}

type Push = (rule: CheckRule, message: string, target: CheckTarget) => void

function checkHero(team: TeamView, off: ReturnType<typeof offWholeSprint>, push: Push): void {
  const heroes = team.heroes.filter((h) => h.handle.trim() !== '')
  const field = { kind: 'field', field: 'supportHero' } as const
  if (heroes.length === 0) return push('noSupportHero', 'No support hero', field)
  for (const h of heroes) {
    const said = off.get(h.handle.replace(/^@/, '').toLowerCase())
    if (said) {
      const week = h.label ? ` (${h.label})` : ''
      const why = said.isUndated ? 'is listed as off with no dates' : 'is off the whole sprint'
      push('heroOff', `Support hero @${h.handle}${week} ${why} (“${said.said}”)`, field)
    }
  }
}

function checkItem(s: SectionView, item: ItemView, push: Push): void {
  const target = { kind: 'item', itemId: item.id } as const
  const text = quote(item.text)
  if (s.role === 'retro' && item.status === 'unmarked') {
    push('retroUnmarked', `${s.heading} item not marked: ${text}`, target)
  } else if (s.role === 'hangover' && item.status === 'undecided') {
    push('hangoverUndecided', `Hang-over item with no decision: ${text}`, target)
  } else if (s.role === 'okr' && item.status === 'unset') {
    push('okrNoStatus', `OKR with no status (green, yellow or red): ${text}`, target)
  } else if (s.role === 'okr' && (item.status === 'yellow' || item.status === 'red')) {
    if (!item.children.some((c) => c.text.trim() !== '')) {
      const colour = item.status === 'red' ? 'Red' : 'Yellow'
      push('okrNoAction', `${colour} OKR with no action point: ${text}`, target)
    }
  } else if (s.key === 'high' && s.role === 'plain' && ownersOf(item).length === 0) {
    push('highNoOwner', `${s.heading} item with no owner: ${text}`, target)
  }
}

/** Everyone off the whole sprint who owns something in the plan (its plain lists). */
function checkOwnersOff(team: TeamView, off: ReturnType<typeof offWholeSprint>, push: Push): void {
  if (off.size === 0) return
  const walk = (items: readonly ItemView[]): void => {
    for (const item of items) {
      if (item.text.trim() !== '') {
        for (const handle of ownersOf(item)) {
          const said = off.get(handle)
          if (!said) continue
          const why = said.isUndated ? 'is listed as off with no dates' : 'is off the whole sprint'
          push('ownerOff', `@${handle} ${why} but owns ${quote(item.text)}`, {
            kind: 'item',
            itemId: item.id,
          })
        }
      }
      walk(item.children)
    }
  }
  for (const s of team.sections) if (s.kind === 'list' && s.role === 'plain') walk(s.items)
}

/** An item's owners: its `@handles`, or the person it is grouped under (`@sam-o`), lower-case. */
export function ownersOf(item: Pick<ItemView, 'owners' | 'group'>): string[] {
  const owners = item.owners.map((o) => o.replace(/^@/, '').toLowerCase()).filter(Boolean)
  if (owners.length > 0) return owners
  const group = /^@([A-Za-z0-9][A-Za-z0-9-]*)$/.exec(item.group.trim())
  return group?.[1] ? [group[1].toLowerCase()] : []
}

function quote(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return `“${t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS - 1)}…` : t}”`
}
