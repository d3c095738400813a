import { describe, expect, test } from 'vitest'
import {
  BASELINE_MAX_BYTES,
  BASELINE_MAX_ITEMS,
  addItem,
  appendItemTree,
  editItemText,
  readSprint,
  type ItemView,
} from '../../../shared/doc'
import { MAX_CHANGE_LINES, planChanges, snapshotPlan } from '../../../shared/meeting'
import { byName, meetingEdits, sprint } from './meeting-sprint'

const count = (items: readonly ItemView[]): number =>
  items.reduce((n, i) => n + 1 + count(i.children), 0)

describe('what changed during a meeting', () => {
  test('each change of each team, in words, against the plan when the meeting started', () => {
    const doc = sprint()
    const baseline = snapshotPlan(readSprint(doc))
    meetingEdits(doc)
    const changes = planChanges(baseline, readSprint(doc))
    expect(changes.map((c) => [c.name, c.lines])).toEqual([
      [
        'Pipeline',
        [
          'Edited: “Finish: Replay the dead letter queue from March”',
          'Owners of “Inline the geoip plugin (see https://github.com/example/ingest/issues/412)”: none → @li-wei',
          'Added to High priority: “Kafka client upgrade”',
          'Moved from Low priority / side quests to High priority: “Read the rate limiter config out of band, so a slow cache adds no latency”',
          'Removed from High priority: “Separate pipeline for heatmap events”',
        ],
      ],
      [
        'Growth | Billing',
        [
          'Renamed from “Growth”',
          'Support hero: none → @sam-o',
          '“Access control”: marked partly done',
          '“Ship the in-app card entry experiment”: marked done',
        ],
      ],
      ['Infra', ['New team']],
    ])
  })

  test('a baseline is small: texts cut, an edit past the cut still seen', () => {
    const doc = sprint()
    const pipeline = byName(readSprint(doc), 'Pipeline')
    const long = 'x'.repeat(500)
    addItem(doc, { id: 'long', teamId: pipeline.id, section: 'low', text: long })
    const baseline = snapshotPlan(readSprint(doc))
    expect(baseline.items.find((i) => i.id === 'long')?.text).toHaveLength(160)
    editItemText(doc, { itemId: 'long', index: 400, remove: 1, insert: 'y' })
    const lines = planChanges(baseline, readSprint(doc))[0]?.lines ?? []
    expect(lines.some((l) => l.startsWith('Edited: “xxx'))).toBe(true)
  })

  test('a very big sprint keeps its baseline within the byte budget, and counts what it left out', () => {
    const doc = sprint()
    const pipeline = byName(readSprint(doc), 'Pipeline')
    appendItemTree(doc, {
      teamId: pipeline.id,
      section: 'low',
      items: Array.from({ length: 1100 }, (_, i) => ({ text: `${i} ${'é'.repeat(300)}` })),
    })
    const view = readSprint(doc)
    const total = view.teams.flatMap((t) => t.sections).reduce((n, s) => n + count(s.items), 0)
    const baseline = snapshotPlan(view)
    const bytes = new TextEncoder().encode(JSON.stringify(baseline)).byteLength
    expect(bytes).toBeLessThanOrEqual(BASELINE_MAX_BYTES)
    expect(baseline.items.length).toBeLessThanOrEqual(BASELINE_MAX_ITEMS)
    expect(baseline.omitted).toBe(total - baseline.items.length)
    expect(baseline.omitted).toBeGreaterThan(100)
    addItem(doc, { teamId: pipeline.id, section: 'high', text: 'new during the meeting' })
    const lines = planChanges(baseline, readSprint(doc)).flatMap((c) => c.lines)
    // Items out of the baseline are not all reported as added.
    expect(lines.filter((l) => l.startsWith('Added'))).toEqual([])
  })

  test('a very busy team lists its first changes and counts the rest', () => {
    const doc = sprint()
    const baseline = snapshotPlan(readSprint(doc))
    const pipeline = byName(readSprint(doc), 'Pipeline')
    for (let i = 0; i < 30; i++)
      addItem(doc, { teamId: pipeline.id, section: 'low', text: `t${i}` })
    const lines = planChanges(baseline, readSprint(doc))[0]?.lines ?? []
    expect(lines).toHaveLength(MAX_CHANGE_LINES)
    expect(lines.at(-1)).toBe('and 11 more changes')
  })
})
