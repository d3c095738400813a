import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import { createUndoManager, readSprint, readTemplate, updateTemplate } from '../../../shared/doc'
import { exportTeam } from '../../../shared/markdown'
import {
  addSection,
  moveSection,
  newSection,
  removeSection,
  renameSection,
  type TemplateDefinition,
} from '../../../shared/template'
import { syncPair } from '../../helpers/convergence'
import { newSprint } from '../markdown/helpers'

/** Two peers of one sprint with a team, in sync. */
function twoPeers(): { a: Y.Doc; b: Y.Doc } {
  const a = newSprint('team-2024', ['Web'])
  const b = new Y.Doc()
  syncPair(a, b)
  return { a, b }
}

const keys = (doc: Y.Doc): string[] => readTemplate(doc).sections.map((s) => s.key)
const heading = (doc: Y.Doc, key: string): string | undefined =>
  readTemplate(doc).sections.find((s) => s.key === key)?.heading

const add = (heading: string, after: string) => (t: TemplateDefinition) =>
  addSection(t, newSection(t, { heading, level: 3, kind: 'list' }), after)

describe('Sections edited by two people at once', () => {
  it('one renames a section, the other adds one: both changes are kept', () => {
    const { a, b } = twoPeers()
    updateTemplate(a, (t) => renameSection(t, 'high', 'Must do'))
    updateTemplate(b, add('Risks', 'low'))
    syncPair(a, b)
    for (const doc of [a, b]) {
      expect(heading(doc, 'high')).toBe('Must do')
      expect(keys(doc)).toEqual(['supportHero', 'retro', 'hangover', 'okr', 'high', 'low', 'risks'])
    }
    expect(readSprint(a)).toEqual(readSprint(b))
  })

  it('one moves a section, the other renames it: it is renamed and moved', () => {
    const { a, b } = twoPeers()
    updateTemplate(a, (t) => moveSection(t, 'low', -1))
    updateTemplate(b, (t) => renameSection(t, 'low', 'Side quests'))
    syncPair(a, b)
    expect(keys(a)).toEqual(['supportHero', 'retro', 'hangover', 'okr', 'low', 'high'])
    expect(heading(a, 'low')).toBe('Side quests')
    expect(readTemplate(a)).toEqual(readTemplate(b))
  })

  it('both add a section at the same place: both are there, in the same order everywhere', () => {
    const { a, b } = twoPeers()
    updateTemplate(a, add('Risks', 'okr'))
    updateTemplate(b, add('Incidents', 'okr'))
    syncPair(a, b)
    expect(keys(a)).toEqual(keys(b))
    expect(keys(a).slice(4, 6).sort()).toEqual(['incidents', 'risks'])
    const teamId = readSprint(a).teams[0]?.id ?? ''
    expect(exportTeam(a, teamId)).toBe(exportTeam(b, teamId))
  })

  it('one removes a section the other renames: it stays removed on both', () => {
    const { a, b } = twoPeers()
    updateTemplate(a, (t) => removeSection(t, 'hangover'))
    updateTemplate(b, (t) => renameSection(t, 'hangover', 'Carried over'))
    syncPair(a, b)
    expect(keys(a)).not.toContain('hangover')
    expect(readTemplate(a)).toEqual(readTemplate(b))
  })

  it('undo takes back one edit of the sections, not a colleague’s', () => {
    const { a, b } = twoPeers()
    const undo = createUndoManager(a, { captureTimeout: 0 })
    updateTemplate(a, (t) => renameSection(t, 'high', 'Must do'))
    updateTemplate(b, (t) => renameSection(t, 'low', 'Later'))
    syncPair(a, b)
    undo.undo()
    syncPair(a, b)
    expect(heading(b, 'high')).toBe('High priority')
    expect(heading(b, 'low')).toBe('Later')
  })

  it('random concurrent section edits converge (seeded; a failing seed is printed)', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const gen = prng.create(seed)
      const { a, b } = twoPeers()
      try {
        for (let step = 0; step < 12; step++) {
          const doc = prng.bool(gen) ? a : b
          const t = readTemplate(doc)
          const s = prng.oneOf(gen, t.sections)
          const r = prng.uint32(gen, 0, 4)
          if (r === 0) updateTemplate(doc, (x) => renameSection(x, s.key, prng.word(gen, 1, 8)))
          else if (r === 1)
            updateTemplate(doc, (x) => moveSection(x, s.key, prng.bool(gen) ? 1 : -1))
          else if (r === 2 && t.sections.length > 3)
            updateTemplate(doc, (x) => removeSection(x, s.key))
          else updateTemplate(doc, add(`S${seed}-${step}`, s.key))
          if (prng.uint32(gen, 0, 3) === 0) syncPair(a, b)
        }
        syncPair(a, b)
        expect(readSprint(a)).toEqual(readSprint(b))
        expect(new Set(keys(a)).size).toBe(keys(a).length)
      } catch (e) {
        console.error(`sections convergence failed for seed ${seed}`)
        throw e
      }
    }
  })
})

describe('section edits written by a buggy or hostile peer', () => {
  it('are skipped and reported, never thrown on', () => {
    const doc = newSprint('team-2024', ['Web'])
    const edits = doc.getMap('sectionEdits')
    edits.set('t\u0000high\u0000level', 'very high')
    edits.set('t\u0000new\u0000heading', 'No order')
    edits.set('t\u0000low\u0000order', 42)
    edits.set('garbage', { x: 1 })
    const view = readSprint(doc)
    expect(view.template.sections.map((s) => s.key)).toEqual([
      'supportHero',
      'retro',
      'hangover',
      'okr',
      'low',
    ])
    expect(view.problems.map((p) => p.path)).toEqual([
      'sectionEdits/team/high',
      'sectionEdits/team/new',
    ])
  })
})
