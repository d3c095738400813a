import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { Network, expectConverged } from '../helpers/convergence'
import {
  addItem,
  addTeam,
  createSprint,
  createUndoManager,
  readSprint,
  setItemStatus,
  setItemText,
  setMembers,
  setOwners,
  setSupportHeroes,
  addOffDuringField,
  setOffDuring,
  setSectionForm,
  ITEM,
  TEAM,
  getItemMap,
  getTeamMap,
  type SectionView,
  type TeamView,
} from '../../shared/doc'
import {
  copySprint,
  deprioritiseItem,
  mergeConcurrentCopies,
  reprioritiseItem,
  startNextSprint,
  undecideItem,
  suggestSupportHero,
} from '../../shared/doc/next-sprint'
import { exportTeam } from '../../shared/markdown'
import { getTemplate } from '../../shared/template'

function section(team: TeamView | undefined, key: string): SectionView {
  const s = team?.sections.find((x) => x.key === key)
  if (!s) throw new Error(`no section ${key}`)
  return s
}

/** A finished sprint: one team with OKRs, high and low priority items, one checked. */
function previousSprint(): { doc: Y.Doc; teamId: string; ids: Record<string, string> } {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 'prev',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
  })
  const teamId = addTeam(doc, { name: 'Pipeline', members: ['ana', 'tom', 'li'] })
  setSupportHeroes(doc, { teamId, heroes: [{ label: '', handle: 'tom' }] })
  const okr = addItem(doc, {
    teamId,
    section: 'okr',
    text: 'Keep up with 3x traffic',
    status: 'yellow',
  })
  addItem(doc, { teamId, section: 'okr', parent: okr, text: 'action: split pipeline' })
  const done = addItem(doc, {
    teamId,
    section: 'high',
    text: 'Ship dedup flag',
    owners: ['ana'],
    isTask: true,
  })
  setItemStatus(doc, { itemId: done, status: 'checked' })
  const open = addItem(doc, {
    teamId,
    section: 'high',
    text: 'Replay DLQ',
    owners: ['tom'],
    isTask: true,
  })
  const side = addItem(doc, { teamId, section: 'low', text: 'Rate limiter config' })
  addItem(doc, { teamId, section: 'high', text: '   ' })
  addItem(doc, { teamId: '', section: 'takeDown', text: 'Kafka upgrade' })
  return { doc, teamId, ids: { okr, done, open, side } }
}

describe('suggestSupportHero', () => {
  it('picks the member after the last hero, wrapping around', () => {
    expect(suggestSupportHero(['a', 'b', 'c'], [{ label: '', handle: 'b' }])).toBe('c')
    expect(suggestSupportHero(['a', 'b', 'c'], [{ label: '', handle: '@C' }])).toBe('a')
    expect(
      suggestSupportHero(
        ['a', 'b'],
        [
          { label: 'Week 1', handle: 'a' },
          { label: 'Week 2', handle: 'b' },
        ],
      ),
    ).toBe('a')
  })
  it('starts the rotation when there is no known previous hero', () => {
    expect(suggestSupportHero(['a', 'b'], [])).toBe('a')
    expect(suggestSupportHero(['a', 'b'], [{ label: '', handle: 'stranger' }])).toBe('a')
    expect(suggestSupportHero([], [{ label: '', handle: 'a' }])).toBe('')
  })
})

describe('startNextSprint', () => {
  it('carries teams, members, OKRs, retro and hang-over items', () => {
    const prev = previousSprint()
    const next = new Y.Doc()
    const id = startNextSprint(prev.doc, next, {
      id: 'next',
      title: 'Sprint - July 15 to July 26',
      startDate: '2024-07-15',
      endDate: '2024-07-26',
    })
    expect(id).toBe('next')
    const view = readSprint(next)
    expect(view.problems).toEqual([])
    expect(view.meta).toMatchObject({
      id: 'next',
      previousSprintId: 'prev',
      startDate: '2024-07-15',
    })
    expect(view.teams).toHaveLength(1)
    const team = view.teams[0]
    expect(team?.name).toBe('Pipeline')
    expect(team?.members).toEqual(['ana', 'tom', 'li'])
    expect(team?.heroes).toEqual([])
    expect(getTeamMap(next, team?.id ?? '')?.get(TEAM.heroSuggestion)).toBe('li')

    const okr = section(team, 'okr').items
    expect(okr.map((i) => [i.text, i.status, i.from])).toEqual([
      ['Keep up with 3x traffic', 'yellow', prev.ids.okr],
    ])
    expect(okr[0]?.children.map((c) => c.text)).toEqual(['action: split pipeline'])

    const retro = section(team, 'retro').items
    expect(retro.map((i) => [i.text, i.status, i.owners])).toEqual([
      ['Ship dedup flag', 'done', ['ana']],
      ['Replay DLQ', 'unmarked', ['tom']],
      ['Rate limiter config', 'unmarked', []],
    ])
    // Retro and hang-over entries are not tasks: no `- [ ]` for work that was done.
    expect(retro.map((i) => i.isTask)).toEqual([false, false, false])
    expect(exportTeam(next, team?.id ?? '')).not.toMatch(/\[[ x]\]/)
    const hang = section(team, 'hangover').items
    expect(hang.map((i) => i.isTask)).toEqual([false, false])
    expect(hang.map((i) => [i.text, i.status, i.from])).toEqual([
      ['Replay DLQ', 'undecided', prev.ids.open],
      ['Rate limiter config', 'undecided', prev.ids.side],
    ])
    expect(section(team, 'high').items).toEqual([])
    expect(section(team, 'low').items).toEqual([])
    expect(view.globalSections[0]?.items).toEqual([])
  })

  it('leaves the previous sprint untouched and is not undoable step by step', () => {
    const prev = previousSprint()
    const before = JSON.stringify(readSprint(prev.doc))
    const next = new Y.Doc()
    startNextSprint(prev.doc, next, { title: 'n', startDate: '2024-07-15', endDate: '2024-07-26' })
    expect(JSON.stringify(readSprint(prev.doc))).toBe(before)
  })
})

describe('re-prioritise and deprioritise', () => {
  function started(): { doc: Y.Doc; hang: string[]; teamId: string } {
    const prev = previousSprint()
    const doc = new Y.Doc()
    startNextSprint(prev.doc, doc, { title: 'n', startDate: '2024-07-15', endDate: '2024-07-26' })
    const team = readSprint(doc).teams[0]
    return { doc, hang: section(team, 'hangover').items.map((i) => i.id), teamId: team?.id ?? '' }
  }

  it('puts a linked copy into High priority, once', () => {
    const { doc, hang } = started()
    const first = hang[0] ?? ''
    const copy = reprioritiseItem(doc, { itemId: first })
    expect(copy).toBeDefined()
    expect(reprioritiseItem(doc, { itemId: first })).toBe(copy)
    const team = readSprint(doc).teams[0]
    const hangItem = section(team, 'hangover').items[0]
    expect(hangItem?.status).toBe('reprioritised')
    const high = section(team, 'high').items
    expect(high.map((i) => [i.id, i.text, i.owners, i.from])).toEqual([
      [copy, 'Replay DLQ', ['tom'], hangItem?.from],
    ])
  })

  it('deprioritising removes an untouched copy but keeps an edited one', () => {
    const { doc, hang } = started()
    const [a = '', b = ''] = hang
    reprioritiseItem(doc, { itemId: a })
    deprioritiseItem(doc, { itemId: a })
    let team = readSprint(doc).teams[0]
    expect(section(team, 'hangover').items[0]?.status).toBe('deprioritised')
    expect(section(team, 'high').items).toEqual([])

    const copy = reprioritiseItem(doc, { itemId: b }) ?? ''
    setItemText(doc, { itemId: copy, text: 'Rate limiter config, out of band' })
    deprioritiseItem(doc, { itemId: b })
    team = readSprint(doc).teams[0]
    expect(section(team, 'high').items.map((i) => i.text)).toEqual([
      'Rate limiter config, out of band',
    ])
  })

  it('leaves a decision word written in the comment behind in the copy', () => {
    const { doc, hang } = started()
    const [a = '', b = ''] = hang
    setItemText(doc, { itemId: a, text: 'Replay DLQ from March. prioritised' })
    setItemText(doc, { itemId: b, text: 'Rate limiter config - Re-prioritized' })
    const copies = [reprioritiseItem(doc, { itemId: a }), reprioritiseItem(doc, { itemId: b })]
    let team = readSprint(doc).teams[0]
    expect(section(team, 'high').items.map((i) => [i.id, i.text])).toEqual([
      [copies[0], 'Replay DLQ from March.'],
      [copies[1], 'Rate limiter config'],
    ])
    // The hang-over item keeps its words as written, and the comment shows them unchanged.
    expect(section(team, 'hangover').items.map((i) => i.text)).toEqual([
      'Replay DLQ from March. prioritised',
      'Rate limiter config - Re-prioritized',
    ])
    expect(exportTeam(doc, team?.id ?? '')).toContain('- Replay DLQ from March. prioritised @tom\n')
    // The copy still counts as untouched: deprioritising takes it back out.
    deprioritiseItem(doc, { itemId: a })
    team = readSprint(doc).teams[0]
    expect(section(team, 'high').items.map((i) => i.id)).toEqual([copies[1]])
    expect(exportTeam(doc, team?.id ?? '')).toContain(
      '- Replay DLQ from March. deprioritised @tom\n',
    )
  })

  it('takes a decision back: undecided, and an untouched copy goes', () => {
    const { doc, hang } = started()
    const [a = '', b = ''] = hang
    reprioritiseItem(doc, { itemId: a })
    undecideItem(doc, { itemId: a })
    const copy = reprioritiseItem(doc, { itemId: b }) ?? ''
    setItemText(doc, { itemId: copy, text: 'Rate limiter config, out of band' })
    undecideItem(doc, { itemId: b })
    const team = readSprint(doc).teams[0]
    expect(section(team, 'hangover').items.map((i) => i.status)).toEqual(['undecided', 'undecided'])
    expect(section(team, 'high').items.map((i) => i.text)).toEqual([
      'Rate limiter config, out of band',
    ])
  })

  it('is one undo step', () => {
    const { doc, hang } = started()
    const undo = createUndoManager(doc)
    reprioritiseItem(doc, { itemId: hang[0] ?? '' })
    undo.undo()
    const team = readSprint(doc).teams[0]
    expect(section(team, 'hangover').items[0]?.status).toBe('undecided')
    expect(section(team, 'high').items).toEqual([])
  })

  it('does nothing for a missing item', () => {
    const { doc } = started()
    expect(reprioritiseItem(doc, { itemId: 'nope' })).toBeUndefined()
    expect(() => deprioritiseItem(doc, { itemId: 'nope' })).not.toThrow()
  })
})

describe('copySprint', () => {
  it('copies everything under a new id and title', () => {
    const prev = previousSprint()
    setMembers(prev.doc, { teamId: prev.teamId, members: ['x'] })
    const dup = new Y.Doc()
    expect(copySprint(prev.doc, dup, { id: 'dup', title: 'Copy' })).toBe('dup')
    const a = readSprint(prev.doc)
    const b = readSprint(dup)
    expect(b.meta.id).toBe('dup')
    expect(b.meta.title).toBe('Copy')
    expect(b.teams).toEqual(a.teams)
    expect(a.meta.id).toBe('prev')
  })
})

describe('concurrent decisions on hang-over items', () => {
  it('converge for every seed: both peers re-prioritise, or one deprioritises meanwhile', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const gen = prng.create(seed)
      const net = new Network(2, gen)
      const [a, b] = net.peers
      if (!a || !b) throw new Error('no peers')
      const prev = previousSprint()
      startNextSprint(prev.doc, a.doc, {
        id: 'n',
        title: 'n',
        startDate: '2024-07-15',
        endDate: '2024-07-26',
      })
      net.settle()
      const hang = section(readSprint(a.doc).teams[0], 'hangover').items.map((i) => i.id)
      net.disconnect(b)
      reprioritiseItem(a.doc, { itemId: hang[0] ?? '' })
      if (prng.bool(gen)) reprioritiseItem(b.doc, { itemId: hang[0] ?? '' })
      else deprioritiseItem(b.doc, { itemId: hang[0] ?? '' })
      reprioritiseItem(b.doc, { itemId: hang[1] ?? '' })
      net.settle()
      expectConverged(net, seed)
      // Each peer tidies on its own (as the app does once the other's items arrive).
      for (const p of prng.bool(gen) ? [a, b] : [b, a]) mergeConcurrentCopies(p.doc)
      net.settle()
      const view = expectConverged(net, seed)
      const team = view.teams[0]
      // Nothing is lost and nothing doubled: each re-prioritised item is in High priority once.
      const high = section(team, 'high').items.map((i) => i.text)
      expect(
        high.filter((t) => t === 'Rate limiter config'),
        `seed ${seed}`,
      ).toHaveLength(1)
      expect(
        high.filter((t) => t === 'Replay DLQ'),
        `seed ${seed}`,
      ).toHaveLength(1)
    }
  })

  /** Two peers, apart, each re-prioritising the first hang-over item of a started sprint. */
  function bothReprioritise(seed: number) {
    const net = new Network(2, prng.create(seed))
    const [a, b] = net.peers
    if (!a || !b) throw new Error('no peers')
    startNextSprint(previousSprint().doc, a.doc, {
      id: 'n',
      title: 'n',
      startDate: '2024-07-15',
      endDate: '2024-07-26',
    })
    net.settle()
    const hang = section(readSprint(a.doc).teams[0], 'hangover').items.map((i) => i.id)
    net.disconnect(b)
    const mine = reprioritiseItem(a.doc, { itemId: hang[0] ?? '' }) ?? ''
    const theirs = reprioritiseItem(b.doc, { itemId: hang[0] ?? '' }) ?? ''
    return { net, a, b, mine, theirs }
  }

  it('keeps one of two untouched copies, the same one on both peers', () => {
    const { net, a, b, mine, theirs } = bothReprioritise(7)
    const copies = [mine, theirs].sort()
    net.settle()
    expect(section(readSprint(a.doc).teams[0], 'high').items.map((i) => i.id)).toHaveLength(2)
    // Only the peer that made the second copy removes it.
    const removed = [mergeConcurrentCopies(a.doc), mergeConcurrentCopies(b.doc)]
    expect(removed.sort()).toEqual([0, 1])
    net.settle()
    expect([mergeConcurrentCopies(a.doc), mergeConcurrentCopies(b.doc)]).toEqual([0, 0])
    const view = expectConverged(net, 7)
    expect(section(view.teams[0], 'high').items.map((i) => i.id)).toEqual([copies[0]])
    // The hang-over item stays re-prioritised, and the tidy is nobody's undo step.
    expect(section(view.teams[0], 'hangover').items[0]?.status).toBe('reprioritised')
  })

  it('removes nothing once someone changed a copy: two copies beat lost writing', () => {
    const changes: ((doc: Y.Doc, id: string) => void)[] = [
      (doc, itemId) => setItemText(doc, { itemId, text: 'Replay DLQ, both regions' }),
      (doc, itemId) => setItemStatus(doc, { itemId, status: 'checked' }),
      (doc, itemId) => setOwners(doc, { itemId, owners: ['tom', 'li'] }),
      (doc, itemId) => {
        addItem(doc, {
          teamId: readSprint(doc).teams[0]?.id ?? '',
          section: 'high',
          parent: itemId,
          text: 'step',
        })
      },
    ]
    for (const [i, edit] of changes.entries()) {
      const { net, a, b, theirs } = bothReprioritise(3)
      edit(b.doc, theirs)
      net.settle()
      expect(mergeConcurrentCopies(a.doc), `change ${i}`).toBe(0)
      expect(mergeConcurrentCopies(b.doc), `change ${i}`).toBe(0)
    }
  })

  it('leaves alone copies that are not in the priority list, and lists with one copy', () => {
    const doc = new Y.Doc()
    startNextSprint(previousSprint().doc, doc, {
      title: 'n',
      startDate: '2024-07-15',
      endDate: '2024-07-26',
    })
    const hang = section(readSprint(doc).teams[0], 'hangover').items.map((i) => i.id)
    const copy = reprioritiseItem(doc, { itemId: hang[0] ?? '' }) ?? ''
    expect(mergeConcurrentCopies(doc)).toBe(0)
    // Two identical copies of one original in Low priority were put there by hand: kept.
    const team = readSprint(doc).teams[0]
    for (let i = 0; i < 2; i++) {
      const id = addItem(doc, { teamId: team?.id ?? '', section: 'low', text: 'Replay DLQ' })
      getItemMap(doc, id)?.set(ITEM.from, section(team, 'hangover').items[0]?.from ?? '')
    }
    const before = Y.encodeStateVector(doc)
    expect(mergeConcurrentCopies(doc)).toBe(0)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(section(readSprint(doc).teams[0], 'high').items.map((i) => i.id)).toEqual([copy])
  })
})

describe("carry-over of a team lead's first sprint", () => {
  function finished(templateId: string): { doc: Y.Doc; teamId: string } {
    const doc = new Y.Doc()
    createSprint(doc, {
      id: 'prev',
      title: 'Sprint',
      startDate: '2025-10-01',
      endDate: '2025-10-12',
      template: getTemplate(templateId),
    })
    const teamId = addTeam(doc, { name: 'Web' })
    const parent = addItem(doc, { teamId, section: 'high', text: 'Ship the exporter' })
    addItem(doc, { teamId, section: 'high', parent, text: 'write the docs' })
    addItem(doc, { teamId, section: 'high', text: '✅ Fix the flaky tests' })
    addItem(doc, { teamId, section: 'low', text: 'Tidy the CSS ✅' })
    if (templateId === 'team-2025-q4')
      addItem(doc, { teamId, section: 'impacted', text: '@team-infra' })
    return { doc, teamId }
  }
  const next = (prev: Y.Doc): TeamView | undefined => {
    const doc = new Y.Doc()
    startNextSprint(prev, doc, { title: 'Next', startDate: '2025-10-13', endDate: '2025-10-24' })
    return readSprint(doc).teams[0]
  }

  it('sub-items travel with their item into Retro and Hang over', () => {
    const team = next(finished('team-2024').doc)
    for (const key of ['retro', 'hangover']) {
      const first = section(team, key).items[0]
      expect(first?.text).toBe('Ship the exporter')
      expect(first?.children.map((c) => c.text)).toEqual(['write the docs'])
    }
  })

  it('items done last sprint (ticked or ✅) arrive in Retro marked done, and not in Hang over', () => {
    const team = next(finished('team-2024').doc)
    expect(section(team, 'retro').items.map((i) => [i.text, i.status])).toEqual([
      ['Ship the exporter', 'unmarked'],
      ['Fix the flaky tests', 'done'],
      ['Tidy the CSS', 'done'],
    ])
    expect(section(team, 'hangover').items.map((i) => i.text)).toEqual(['Ship the exporter'])
  })

  it('only the priority sections feed Retro: 2025-Q4\'s "other teams impacted" does not', () => {
    const team = next(finished('team-2025-q4').doc)
    const retro = section(team, 'retro').items.map((i) => i.text)
    expect(retro).toEqual(['Ship the exporter', 'Fix the flaky tests', 'Tidy the CSS'])
    expect(section(team, 'impacted').items).toEqual([])
  })

  it('"Off during the sprint" can be added to a team of any template, and exports', () => {
    const { doc, teamId } = finished('team-2024')
    addOffDuringField(doc, { teamId })
    addOffDuringField(doc, { teamId })
    setOffDuring(doc, { teamId, text: '@ana (Oct 14–18)' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain('**Support hero:** ___\n\n**Off during the sprint:** @ana (Oct 14–18)\n')
    expect(out.match(/Off during/g)).toHaveLength(1)
  })
})

describe('startNextSprint and the way a team writes its comment', () => {
  it("carries the team's missing guidance comments over, and starts placeholders afresh", () => {
    const { doc, teamId } = previousSprint()
    setSectionForm(doc, { teamId, section: 'retro', form: 'guidance', value: false })
    setSectionForm(doc, { teamId, section: 'hangover', form: 'placeholder', value: false })
    const next = new Y.Doc()
    startNextSprint(doc, next, { title: 'Next', startDate: '2024-07-15', endDate: '2024-07-26' })
    const team = readSprint(next).teams[0]
    expect(section(team, 'retro').guidance).toBe(false)
    expect(section(team, 'hangover').guidance).toBeUndefined()
    expect(section(team, 'hangover').placeholder).toBeUndefined()
    const out = exportTeam(next, team?.id ?? '')
    expect(out).not.toContain('<!-- Grab the high')
    expect(out).toContain('<!-- For each item, decide')
  })
})
