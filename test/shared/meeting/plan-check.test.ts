import * as Y from 'yjs'
import { describe, expect, test } from 'vitest'
import {
  createSprint,
  readSprint,
  setOffDuring,
  setSupportHeroes,
  type TeamView,
} from '../../../shared/doc'
import { startNextSprint } from '../../../shared/doc/next-sprint'
import { importComment } from '../../../shared/markdown'
import { getTemplate, type TemplateDefinition } from '../../../shared/template'
import { checkPlan, checkTeam, offWholeSprint, type CheckFinding } from '../../../shared/meeting'
import { fixture } from '../markdown/helpers'

/** A sprint with one team imported from a real comment shape, in the given template. */
function imported(comment: string, templateId = 'team-2024'): { doc: Y.Doc; team: TeamView } {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 's',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    template: getTemplate(templateId) as TemplateDefinition,
  })
  importComment(doc, fixture(`comments/${comment}`))
  const team = readSprint(doc).teams[0]
  if (!team) throw new Error('nothing imported')
  return { doc, team }
}

const messages = (found: readonly CheckFinding[]): string[] => found.map((f) => f.message)

describe('the plan check on real comments', () => {
  test('a clean 2024 comment lacks only an owner for one High priority item', () => {
    const { team } = imported('01-pipeline-clean.md')
    const found = checkTeam(team)
    expect(messages(found)).toEqual([
      'High priority item with no owner: “Inline the geoip plugin (see https://github.com/example/ing…”',
    ])
    const geoip = team.sections.find((s) => s.key === 'high')?.items[2]
    expect(found[0]).toMatchObject({
      rule: 'highNoOwner',
      target: { kind: 'item', itemId: geoip?.id },
    })
  })

  test('yellow OKRs without action points, and an item nobody owns', () => {
    const { team } = imported('02-error-tracking-emoji.md')
    expect(messages(checkTeam(team))).toEqual([
      'Yellow OKR with no action point: “📱 People think of us when they think of mobile errors”',
      "Yellow OKR with no action point: “🪲 Error tracking in people's hands”",
      'High priority item with no owner: “3 more customer interviews”',
    ])
  })

  test('no support hero, retro items not marked, an OKR with no status; grouped items have an owner', () => {
    const { team } = imported('03-growth-details.md')
    expect(messages(checkTeam(team))).toEqual([
      'No support hero',
      'Retro item not marked: “Access control”',
      'Retro item not marked: “Ship the in-app card entry experiment”',
      'Retro item not marked: “Roll out the new default plan slowly - holding off for now”',
      'Yellow OKR with no action point: “Make onboarding great for analytics and the warehouse”',
      'OKR with no status (green, yellow or red): “⚪ Self-serve annual plans”',
    ])
  })

  test('2025 headings: retro tasks not marked, statuses written in the text are no status', () => {
    const { team } = imported('04-infra-variants.md', 'team-2025-q4')
    expect(checkTeam(team).map((f) => f.rule)).toEqual([
      'okrNoStatus',
      'okrNoStatus',
      'okrNoStatus',
      'retroUnmarked',
      'retroUnmarked',
      'retroUnmarked',
      'retroUnmarked',
    ])
  })

  test('support heroes per week count; a yellow goal and a goal with no status are reported', () => {
    const { team } = imported('05-flags-2026.md', 'team-2025-q4')
    expect(messages(checkTeam(team))).toEqual([
      'Yellow OKR with no action point: “No-code experiments - design review slipped a week”',
      'OKR with no status (green, yellow or red): “🔵 Split experiments into their own product”',
    ])
  })

  test('template leftovers: placeholders are not reported, the missing hero is', () => {
    const { team } = imported('09-template-leftovers.md')
    expect(checkTeam(team)).toEqual([
      {
        teamId: team.id,
        rule: 'noSupportHero',
        message: 'No support hero',
        target: { kind: 'field', field: 'supportHero' },
      },
    ])
  })

  test('hang-over items carried into the next sprint have no decision until one is taken', () => {
    const { doc } = imported('01-pipeline-clean.md')
    const next = new Y.Doc()
    startNextSprint(doc, next, { title: 'Next', startDate: '2024-07-15', endDate: '2024-07-26' })
    const found = [...checkPlan(readSprint(next)).values()][0] ?? []
    expect(found.filter((f) => f.rule === 'hangoverUndecided').map((f) => f.message)).toEqual([
      'Hang-over item with no decision: “Replay the dead letter queue from March”',
      'Hang-over item with no decision: “Separate pipeline for heatmap events”',
      'Hang-over item with no decision: “Inline the geoip plugin (see https://github.com/example/ing…”',
      'Hang-over item with no decision: “Read the rate limiter config out of band, so a slow cache a…”',
    ])
    expect(found.filter((f) => f.rule === 'retroUnmarked')).toHaveLength(4)
    expect(found.some((f) => f.rule === 'noSupportHero')).toBe(true)
  })
})

describe('owners off the whole sprint', () => {
  test('an owner off the whole sprint is reported on each item they own; two days off is not', () => {
    const { doc, team } = imported('04-infra-variants.md', 'team-2025-q4')
    expect(checkTeam(team).some((f) => f.rule === 'ownerOff')).toBe(false)
    setOffDuring(doc, { teamId: team.id, text: '@dana (whole sprint), @li-wei (Friday)' })
    const after = readSprint(doc).teams[0] as TeamView
    expect(messages(checkTeam(after).filter((f) => f.rule === 'ownerOff'))).toEqual([
      '@dana is off the whole sprint but owns “Security group changes, phase 1”',
    ])
  })

  test('a support hero named off with no dates is reported as such', () => {
    const { doc, team } = imported('04-infra-variants.md', 'team-2025-q4')
    setOffDuring(doc, { teamId: team.id, text: '@frank-h' })
    setSupportHeroes(doc, { teamId: team.id, heroes: [{ label: '', handle: 'frank-h' }] })
    const found = checkTeam(readSprint(doc).teams[0] as TeamView)
    expect(found.filter((f) => f.rule === 'heroOff').map((f) => f.message)).toEqual([
      'Support hero @frank-h is listed as off with no dates (“@frank-h”)',
    ])
  })

  test('the ways people write it', () => {
    const off = (text: string) =>
      [...offWholeSprint({ offDuring: text, sections: [] }).keys()].sort()
    expect(off('@a (whole sprint), @b (Friday)')).toEqual(['a'])
    expect(off('@A off the entire sprint; @b out for the sprint')).toEqual(['a', 'b'])
    expect(off('@a both weeks and @b: all 2 weeks')).toEqual(['a', 'b'])
    expect(off('@a out most of the sprint, @b 2 days, @c (July 3-5)')).toEqual([])
    expect(off('@a, @b')).toEqual(['a', 'b'])
    expect(off('___')).toEqual([])
    // 2024 comments listed time off under the support hero.
    const { team } = imported('02-error-tracking-emoji.md')
    expect([...offWholeSprint(team).keys()]).toEqual([])
  })
})
