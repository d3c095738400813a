import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  GLOBAL_TEAM,
  addGlobalSection,
  addItem,
  createUndoManager,
  readSprint,
  removeGlobalSection,
  renameGlobalSection,
} from '../../../shared/doc'
import { exportIssue, importIssue } from '../../../shared/markdown'
import { TemplateEditError } from '../../../shared/template'
import { newSprint } from '../markdown/helpers'

const BODY = [
  '# Global Sprint Planning',
  '',
  '## Incidents',
  '',
  '- Ingestion lag @ana',
  '',
  '## 3 things that might take us down',
  '',
  '1. Postgres upgrade',
  '',
  '## Announcements',
  '',
  '- Offsite',
  '',
].join('\n')

/** A sprint whose issue body has Incidents, 3 things and Announcements. */
function imported(): Y.Doc {
  const doc = newSprint()
  importIssue(doc, BODY)
  return doc
}

const headings = (doc: Y.Doc): string[] => readSprint(doc).globalSections.map((s) => s.heading)
const keyOf = (doc: Y.Doc, heading: string): string =>
  readSprint(doc).globalSections.find((s) => s.heading === heading)?.key ?? ''

/** The issue body's part above `# Team sprint planning`. */
const globalPart = (doc: Y.Doc): string => exportIssue(doc).split('# Team sprint planning')[0] ?? ''

describe('editing the sections of the issue body', () => {
  it('adds a list section directly after the one chosen, exported with its placeholder', () => {
    const doc = imported()
    addGlobalSection(doc, { heading: 'Hiring', listStyle: 'bullet', after: 'takeDown' })
    addGlobalSection(doc, { heading: 'Risks', listStyle: 'ordered', after: '' })
    expect(headings(doc)).toEqual([
      'Risks',
      'Incidents',
      '3 things that might take us down',
      'Hiring',
      'Announcements',
    ])
    expect(globalPart(doc)).toContain('## Risks\n\n1.\n\n## Incidents')
    expect(globalPart(doc)).toContain('1. Postgres upgrade\n\n## Hiring\n\n-\n\n## Announcements')
    const hiring = keyOf(doc, 'Hiring')
    addItem(doc, { teamId: GLOBAL_TEAM, section: hiring, text: 'Two backend engineers' })
    expect(globalPart(doc)).toContain('## Hiring\n\n- Two backend engineers\n')
  })

  it('renames the template section and the sections of the issue itself', () => {
    const doc = imported()
    renameGlobalSection(doc, { key: 'takeDown', heading: 'Risks' })
    renameGlobalSection(doc, { key: keyOf(doc, 'Incidents'), heading: 'Outages' })
    expect(headings(doc)).toEqual(['Outages', 'Risks', 'Announcements'])
    expect(globalPart(doc)).toContain(
      '## Outages\n\n- Ingestion lag @ana\n\n## Risks\n\n1. Postgres',
    )
  })

  it('gives prose kept without a heading the heading it is renamed to', () => {
    const doc = newSprint()
    importIssue(doc, `${BODY}\nA closing line.\n`)
    const untitled = readSprint(doc).globalSections.at(-1)
    expect(untitled?.heading).toBe('')
    renameGlobalSection(doc, { key: untitled?.key ?? '', heading: 'Notes' })
    expect(globalPart(doc)).toContain('- Offsite\n\n## Notes\n\nA closing line.\n')
  })

  it('names the section of items whose section is known nowhere, where they are', () => {
    const doc = imported()
    addItem(doc, { teamId: GLOBAL_TEAM, section: 'from-a-newer-app', text: 'kept' })
    renameGlobalSection(doc, { key: 'from-a-newer-app', heading: 'Later' })
    expect(headings(doc)).toEqual([
      'Incidents',
      '3 things that might take us down',
      'Announcements',
      'Later',
    ])
    expect(readSprint(doc).problems).toEqual([])
    expect(globalPart(doc)).toContain('- Offsite\n\n## Later\n\n- kept\n')
  })

  it('writes a section added after one below the fenced template below it too', () => {
    const doc = newSprint()
    importIssue(doc, `${exportIssue(newSprint())}\n## Links\n\n- roadmap\n`)
    addGlobalSection(doc, {
      heading: 'More links',
      listStyle: 'bullet',
      after: keyOf(doc, 'Links'),
    })
    expect(headings(doc)).toEqual(['3 things that might take us down', 'Links', 'More links'])
    expect(exportIssue(doc).endsWith('```\n\n## Links\n\n- roadmap\n\n## More links\n\n-\n')).toBe(
      true,
    )
  })

  it('refuses an empty heading and writes nothing', () => {
    const doc = imported()
    const before = exportIssue(doc)
    expect(() => renameGlobalSection(doc, { key: 'takeDown', heading: '  ' })).toThrow(
      TemplateEditError,
    )
    expect(() => addGlobalSection(doc, { heading: '', listStyle: 'bullet', after: '' })).toThrow(
      TemplateEditError,
    )
    expect(exportIssue(doc)).toBe(before)
  })

  it('removes a section with its items, the others keeping their place, as one undo step', () => {
    const doc = imported()
    const undo = createUndoManager(doc)
    const before = exportIssue(doc)
    removeGlobalSection(doc, { key: keyOf(doc, 'Incidents') })
    expect(headings(doc)).toEqual(['3 things that might take us down', 'Announcements'])
    expect(exportIssue(doc)).not.toContain('Ingestion lag')
    removeGlobalSection(doc, { key: 'takeDown' })
    expect(headings(doc)).toEqual(['Announcements'])
    expect(exportIssue(doc)).not.toContain('Postgres')
    expect(readSprint(doc).problems).toEqual([])
    undo.undo()
    undo.undo()
    expect(exportIssue(doc)).toBe(before)
  })

  it('keeps the sections after a removed one in place', () => {
    const doc = newSprint()
    importIssue(doc, '# Global Sprint Planning\n\n## A\n\n- a\n\n## B\n\n- b\n\n## C\n\n- c\n')
    removeGlobalSection(doc, { key: keyOf(doc, 'A') })
    expect(headings(doc)).toEqual(['B', 'C', '3 things that might take us down'])
  })

  it('keeps both changes when two people edit different sections at once', () => {
    const a = imported()
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    addGlobalSection(a, { heading: 'Hiring', listStyle: 'bullet', after: 'takeDown' })
    renameGlobalSection(b, { key: keyOf(b, 'Announcements'), heading: 'News' })
    addGlobalSection(b, { heading: 'Kudos', listStyle: 'bullet', after: keyOf(b, 'News') })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(headings(a)).toEqual(headings(b))
    expect(headings(a)).toEqual([
      'Incidents',
      '3 things that might take us down',
      'Hiring',
      'News',
      'Kudos',
    ])
    expect(exportIssue(a)).toBe(exportIssue(b))
  })
})
