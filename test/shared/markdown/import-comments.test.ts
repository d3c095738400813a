import { describe, expect, it } from 'vitest'
import { addItem, addTeam, readSprint } from '../../../shared/doc'
import { exportTeam, importComment, importComments, importTargets } from '../../../shared/markdown'
import { commentFixtures, fixture, newSprint } from './helpers'

/** Every team's comment of a sprint, by team name. */
function exportsByName(doc: ReturnType<typeof newSprint>): Map<string, string> {
  return new Map(readSprint(doc).teams.map((t) => [t.name, exportTeam(doc, t.id)]))
}

const PIPELINE = fixture('comments/01-pipeline-clean.md')
const GROWTH = fixture('comments/03-growth-details.md')

describe('several comments pasted at once', () => {
  it('go each to its own team, as if imported one by one', () => {
    const files = commentFixtures()
    const pasted = files.map((f) => fixture(`comments/${f}`)).join('\n')
    const together = newSprint()
    const result = importComments(together, pasted)
    const oneByOne = newSprint()
    for (const f of files) importComment(oneByOne, fixture(`comments/${f}`))
    expect(result.teamIds).toHaveLength(files.length)
    expect(new Set(result.teamIds).size).toBe(files.length)
    expect(exportsByName(together)).toEqual(exportsByName(oneByOne))
  })

  it('merge into the team of the same name and add the others', () => {
    const doc = newSprint()
    const pipeline = addTeam(doc, { name: 'Pipeline' })
    addItem(doc, { teamId: pipeline, section: 'high', text: 'Already planned' })
    const result = importComments(doc, `${PIPELINE}\n${GROWTH}`)
    expect(result.teamIds[0]).toBe(pipeline)
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['Pipeline', 'Growth'])
    const high = readSprint(doc).teams[0]?.sections.find((s) => s.key === 'high')
    expect(high?.items[0]?.text).toBe('Already planned')
  })

  it('are told before importing: each comment and where it goes', () => {
    const doc = newSprint()
    const pipeline = addTeam(doc, { name: 'pipeline' })
    expect(importTargets(doc, `${PIPELINE}\n${GROWTH}`)).toEqual([
      { name: 'Pipeline', teamId: pipeline },
      { name: 'Growth', teamId: undefined },
    ])
    // One comment: told as before, the chosen team honoured.
    const web = addTeam(doc, { name: 'Web' })
    expect(importTargets(doc, GROWTH, { teamId: web })).toEqual([{ name: 'Growth', teamId: web }])
  })

  it('keep one comment where it is asked to go', () => {
    const doc = newSprint()
    const web = addTeam(doc, { name: 'Web' })
    expect(importComments(doc, PIPELINE, { teamId: web }).teamIds).toEqual([web])
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['Web'])
  })

  it('keep a "## Team goals" section inside a comment in that comment', () => {
    const doc = newSprint()
    const text =
      '# Team Web\n\n## Team goals\n\n- ship\n\n# Team Infra\n\n### High priority\n\n- k8s\n'
    const { teamIds } = importComments(doc, text)
    expect(readSprint(doc).teams.map((t) => t.name)).toEqual(['Web', 'Infra'])
    expect(exportTeam(doc, teamIds[0] ?? '')).toContain('## Team goals\n\n- ship')
  })
})
