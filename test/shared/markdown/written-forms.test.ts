import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import * as prng from 'lib0/prng'
import {
  addItem,
  addTeam,
  getTeamMap,
  moveItem,
  readSprint,
  removeItem,
  setSectionForm,
  setSectionNotes,
  type TeamView,
} from '../../../shared/doc'
import { exportTeam, importComment } from '../../../shared/markdown'
import { Network, expectConverged, seedSprint } from '../../helpers/convergence'
import { TEMPLATES } from '../../../shared/template'
import { fixture, newSprint } from './helpers'

const RETRO_GUIDANCE =
  '<!-- Grab the high and low priority items from last time and add whether that item was completed or not -->'
const HANGOVER_GUIDANCE =
  '<!-- For each item, decide to re-prioritise (and add below) or deprioritise -->'
const HANGOVER_PLACEHOLDER = '- Item 1. prioritised/deprioritise'

/** A comment with one guidance comment (and the blank line after it) taken out. */
function without(markdown: string, guidance: string): string {
  const out = markdown.replace(`${guidance}\n\n`, '')
  expect(out).not.toBe(markdown)
  return out
}

function roundTrip(markdown: string): { doc: Y.Doc; teamId: string; out: string } {
  const doc = newSprint()
  const { teamId } = importComment(doc, markdown)
  return { doc, teamId, out: exportTeam(doc, teamId) }
}

const teamOf = (doc: Y.Doc, id: string): TeamView =>
  readSprint(doc).teams.find((t) => t.id === id) as TeamView

describe('guidance comments are written where the team wrote them', () => {
  const pipeline = fixture('comments/01-pipeline-clean.md')

  it('gives back comments/01-pipeline-clean.md without its guidance comments byte for byte', () => {
    const bare = without(without(pipeline, RETRO_GUIDANCE), HANGOVER_GUIDANCE)
    const { out } = roundTrip(bare)
    expect(out).toBe(bare)
    expect(roundTrip(out).out).toBe(out)
  })

  it('keeps the one the team kept, per section', () => {
    const some = without(pipeline, HANGOVER_GUIDANCE)
    const { doc, teamId, out } = roundTrip(some)
    expect(out).toBe(some)
    const sections = teamOf(doc, teamId).sections
    expect(sections.find((s) => s.key === 'retro')?.guidance).toBe(true)
    expect(sections.find((s) => s.key === 'hangover')?.guidance).toBe(false)
  })

  it("gives a team made in the app the template's guidance, beside an imported team without", () => {
    const doc = newSprint()
    importComment(doc, without(pipeline, RETRO_GUIDANCE))
    const fresh = addTeam(doc, { name: 'CDP' })
    expect(exportTeam(doc, fresh)).toBe(fixture('templates/team-2024.md').replace('___', 'CDP'))
  })

  it('leaves the guidance of sections a merged comment does not have as they were', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'Pipeline' })
    importComment(doc, '# Team Pipeline\n\n## Retro\n\n- ✅ Shipped it\n', { teamId })
    const out = exportTeam(doc, teamId)
    expect(out).toContain('## Retro\n\n- ✅ Shipped it\n')
    expect(out).toContain(`## Hang over items from previous sprint\n\n${HANGOVER_GUIDANCE}\n`)
  })
})

describe('template placeholders are written only for a section nobody filled', () => {
  it('writes no placeholder under a section the comment left empty on purpose', () => {
    const comment = fixture('comments/01-pipeline-clean.md').replace(
      /(## Hang over items from previous sprint\n\n[^\n]+\n\n)- Replay[^\n]+\n- Collect[^\n]+\n\n/,
      '$1',
    )
    expect(comment).toContain(`${HANGOVER_GUIDANCE}\n\n## OKR`)
    const { out } = roundTrip(comment)
    expect(out).toBe(comment)
  })

  it('keeps the placeholder where the comment had it, under notes too', () => {
    const comment = fixture('comments/09-template-leftovers.md').replace(
      `${HANGOVER_GUIDANCE}\n\n`,
      `${HANGOVER_GUIDANCE}\n\nNothing carried over, see last sprint.\n\n`,
    )
    expect(roundTrip(comment).out).toBe(comment)
  })

  it('writes notes typed in the app without a placeholder under them', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'CDP' })
    setSectionNotes(doc, { teamId, section: 'hangover', text: 'Nothing carried over.' })
    expect(exportTeam(doc, teamId)).toContain(
      `${HANGOVER_GUIDANCE}\n\nNothing carried over.\n\n## OKR`,
    )
  })

  it('writes none once the team removed the last item it wrote, or moved it away', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'CDP' })
    const id = addItem(doc, { teamId, section: 'hangover', text: 'Replay the queue' })
    removeItem(doc, { itemId: id })
    const moved = addItem(doc, { teamId, section: 'okr', text: 'Keep up with 3x peak' })
    moveItem(doc, { itemId: moved, section: 'high' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain(`${HANGOVER_GUIDANCE}\n\n## OKR\n\n\n### High priority\n\n- Keep up`)
    expect(out).not.toContain(HANGOVER_PLACEHOLDER)
  })

  it('keeps it when an item added by mistake (still empty) is removed', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'CDP' })
    removeItem(doc, { itemId: addItem(doc, { teamId, section: 'hangover' }) })
    expect(exportTeam(doc, teamId)).toBe(fixture('templates/team-2024.md').replace('___', 'CDP'))
  })
})

describe('section forms in the document', () => {
  it('reads a value of the wrong type as absent and reports it', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'CDP' })
    doc.transact(() => getTeamMap(doc, teamId)?.set('guidance/retro', 'no'))
    const view = readSprint(doc)
    expect(view.teams[0]?.sections.find((s) => s.key === 'retro')?.guidance).toBeUndefined()
    expect(view.problems).toContainEqual({
      path: `teams/${teamId}/guidance/retro`,
      message: 'expected a boolean, found string',
    })
  })

  it('keeps both forms two people set at once for different sections', () => {
    const net = new Network(2, prng.create(3))
    seedSprint(net)
    const [a, b] = net.peers.map((p) => p.doc) as [Y.Doc, Y.Doc]
    const teamId = addTeam(a, { id: 't', name: 'Pipeline' })
    net.settle()
    setSectionForm(a, { teamId, section: 'retro', form: 'guidance', value: false })
    setSectionForm(b, { teamId, section: 'hangover', form: 'placeholder', value: false })
    net.settle()
    const sections = expectConverged(net, 0).teams[0]?.sections ?? []
    expect(sections.find((s) => s.key === 'retro')?.guidance).toBe(false)
    expect(sections.find((s) => s.key === 'hangover')?.placeholder).toBe(false)
  })
})

describe.each(TEMPLATES.map((t) => t.id))('a team comment of template %s', (id) => {
  const template = fixture(`templates/${id}.md`).replace('___', 'CDP')

  it('comes back byte for byte with its guidance comments deleted (no stray blank line)', () => {
    const bare = template.replace(/<!--[^\n]*-->\n\n?/g, '')
    const doc = newSprint(id)
    const { teamId } = importComment(doc, bare)
    expect(exportTeam(doc, teamId)).toBe(bare)
  })
})
