import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  GLOBAL_TEAM,
  addItem,
  addTeam,
  createSprint,
  editSectionNotes,
  readExtraSections,
  readSprint,
  readTemplate,
} from '../../shared/doc'
import { importComment, importIssue } from '../../shared/markdown'
import { defaultTemplate } from '../../shared/template'
import { StructureIndex } from '../../renderer/src/store/structure-index'
import { globalSections, teamSections } from '../../renderer/src/editor/team-sections'

const COMMENTS = resolve(import.meta.dirname, '../../../shared/fixtures/comments')

function sprintDoc(): Y.Doc {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 's1',
    title: 'Sprint',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    template: defaultTemplate(),
  })
  return doc
}

/** The section keys the editor shows for each team, next to those readSprint gives. */
function editorAndReader(doc: Y.Doc): { editor: string[][]; reader: string[][] } {
  const structure = new StructureIndex(doc)
  const template = readTemplate(doc)
  const view = readSprint(doc)
  const editor = view.teams.map((t) =>
    teamSections(
      template.sections,
      readExtraSections(doc, t.id),
      structure.sectionsWithItems(t.id),
    ).map((s) => s.key),
  )
  structure.destroy()
  return { editor, reader: view.teams.map((t) => t.sections.map((s) => s.key)) }
}

describe('the sections the editor shows', () => {
  for (const file of readdirSync(COMMENTS).filter((f) => f.endsWith('.md'))) {
    it(`are every section readSprint shows, in its order: ${file}`, () => {
      const doc = sprintDoc()
      importComment(doc, readFileSync(resolve(COMMENTS, file), 'utf8'))
      const { editor, reader } = editorAndReader(doc)
      expect(editor).toEqual(reader)
    })
  }

  it('include items whose section is known nowhere, as their own section', () => {
    const doc = sprintDoc()
    const teamId = addTeam(doc, { name: 'Pipeline' })
    addItem(doc, { teamId, section: 'from-a-newer-template', text: 'still here' })
    addItem(doc, { teamId, section: 'high', text: 'known' })
    const { editor, reader } = editorAndReader(doc)
    expect(editor[0]).toContain('from-a-newer-template')
    expect(editor[0]?.filter((k) => k === 'high')).toHaveLength(1)
    expect(editor).toEqual(reader)
  })

  it('include global items whose section is known nowhere, as readSprint does', () => {
    const doc = sprintDoc()
    addItem(doc, { teamId: GLOBAL_TEAM, section: 'lost-global', text: 'still here' })
    const structure = new StructureIndex(doc)
    const issue = readTemplate(doc).issue?.sections ?? []
    const shown = globalSections(issue, [], structure.sectionsWithItems(GLOBAL_TEAM))
    expect(shown.map((s) => s.key)).toEqual(readSprint(doc).globalSections.map((s) => s.key))
    expect(shown.map((s) => s.key)).toContain('lost-global')
    structure.destroy()
  })

  it('include the sections of an imported issue body beyond the template, in readSprint order', () => {
    const doc = sprintDoc()
    const body =
      '## Incidents\n\n- lag\n\n## 3 things that might take us down\n\n1. a\n\n## Announcements\n\n- offsite\n'
    importIssue(doc, `# Global Sprint Planning\n\n${body}`)
    const structure = new StructureIndex(doc)
    const issue = readTemplate(doc).issue?.sections ?? []
    const extras = readExtraSections(doc, GLOBAL_TEAM)
    const shown = globalSections(issue, extras, structure.sectionsWithItems(GLOBAL_TEAM))
    expect(shown.map((s) => s.heading)).toEqual([
      'Incidents',
      '3 things that might take us down',
      'Announcements',
    ])
    expect(shown.map((s) => s.key)).toEqual(readSprint(doc).globalSections.map((s) => s.key))
    structure.destroy()
  })

  it('keeps the same list (a stable snapshot) until the sections with items change', () => {
    const doc = sprintDoc()
    const teamId = addTeam(doc, { name: 'Pipeline' })
    const structure = new StructureIndex(doc)
    addItem(doc, { teamId, section: 'x-1', text: 'a' })
    const first = structure.sectionsWithItems(teamId)
    addItem(doc, { teamId, section: 'x-1', text: 'b' })
    expect(structure.sectionsWithItems(teamId)).toBe(first)
    addItem(doc, { teamId, section: 'x-2', text: 'c' })
    expect(structure.sectionsWithItems(teamId)).toEqual(['x-1', 'x-2'])
    structure.destroy()
  })
})

describe('editSectionNotes', () => {
  it('creates the notes on the first edit and merges concurrent edits of two peers', () => {
    const a = sprintDoc()
    const teamId = addTeam(a, { name: 'Pipeline' })
    editSectionNotes(a, { teamId, section: 'retro', index: 0, remove: 0, insert: 'legend: ok' })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    editSectionNotes(a, { teamId, section: 'retro', index: 0, remove: 0, insert: 'A ' })
    editSectionNotes(b, { teamId, section: 'retro', index: 10, remove: 0, insert: ' B' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const notes = (d: Y.Doc): string | undefined =>
      readSprint(d).teams[0]?.sections.find((s) => s.key === 'retro')?.notes
    expect(notes(a)).toBe('A legend: ok B')
    expect(notes(b)).toBe('A legend: ok B')
  })

  it('clamps an out-of-range edit instead of throwing', () => {
    const doc = sprintDoc()
    const teamId = addTeam(doc, { name: 'Pipeline' })
    editSectionNotes(doc, { teamId, section: 'retro', index: 99, remove: 5, insert: 'x' })
    expect(readSprint(doc).teams[0]?.sections.find((s) => s.key === 'retro')?.notes).toBe('x')
  })
})
