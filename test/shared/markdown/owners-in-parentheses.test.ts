import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSprint, type ItemView, type TeamView } from '../../../shared/doc'
import { suggestSupportHero } from '../../../shared/doc/next-sprint'
import { exportTeam, importComment } from '../../../shared/markdown'
import { ownersInParentheses } from '../../../shared/markdown/status-text'
import { newSprint } from './helpers'

const GOLDEN = resolve(import.meta.dirname, '../../fixtures/markdown/fidelity')
const comment = readFileSync(resolve(GOLDEN, 'owners-in-parentheses.md'), 'utf8')

function imported(markdown: string): { team: TeamView; out: string } {
  const doc = newSprint()
  const { teamId } = importComment(doc, markdown)
  const team = readSprint(doc).teams.find((t) => t.id === teamId) as TeamView
  return { team, out: exportTeam(doc, teamId) }
}

const ownersIn = (team: TeamView, key: string): string[][] => {
  const out: string[][] = []
  const walk = (items: readonly ItemView[]): void =>
    items.forEach((i) => {
      out.push(i.owners)
      walk(i.children)
    })
  walk(team.sections.find((s) => s.key === key)?.items ?? [])
  return out
}

describe('owners written in parentheses', () => {
  it('come back exactly as written (import → export is byte-identical)', () => {
    const { out } = imported(comment)
    expect(out).toBe(comment)
    expect(imported(out).out).toBe(out)
  })

  it('are owners of their items, a group of them too', () => {
    const { team } = imported(comment)
    expect(ownersIn(team, 'retro')).toEqual([['Brett'], ['Xavier', 'Tiina', 'Paul'], ['Tiina']])
    expect(ownersIn(team, 'okr')).toEqual([[], [], ['Paul']])
    expect(ownersIn(team, 'high')).toEqual([['Xavier', 'Tiina', 'Paul'], ['Brett', 'Paul'], []])
    // An issue number, words and a weekday in parentheses name nobody.
    expect(ownersIn(team, 'low')).toEqual([[], []])
  })

  it('become members of a new team, so the support hero rotation goes on from them', () => {
    const { team } = imported(comment)
    expect(team.members).toEqual(['webj', 'Brett', 'Xavier', 'Tiina', 'Paul'])
    expect(suggestSupportHero(team.members, team.heroes)).toBe('Brett')
  })

  it('read only a group of names or handles at the end of the text', () => {
    expect(ownersInParentheses('Ship it (Xavier, Tiina and Paul)')).toEqual([
      'Xavier',
      'Tiina',
      'Paul',
    ])
    expect(ownersInParentheses('Ship it (@ana-lopez / Anne-Marie)')).toEqual([
      'ana-lopez',
      'Anne-Marie',
    ])
    expect(ownersInParentheses("Ship it (O'Neil)")).toEqual(["O'Neil"])
    for (const text of [
      'Ship it (WIP)',
      'Ship it (see https://example.com)',
      '(Brett) wrote this',
      'Ship it (Brett) today',
      'Ship it (March)',
      'Ship it(Brett)',
      'Ship it (Brett, 2 days)',
    ]) {
      expect(ownersInParentheses(text), text).toEqual([])
    }
  })

  it('are not appended again as @handles when the item also has a handle owner', () => {
    const { out } = imported('# Team A\n\n### High priority\n\n- Ship it (Brett) @ana\n')
    expect(out).toContain('- Ship it (Brett) @ana\n')
  })
})
