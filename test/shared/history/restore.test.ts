import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  GLOBAL_TEAM,
  addItem,
  addTeam,
  createUndoManager,
  editItemText,
  getItemText,
  itemsMap,
  moveItem,
  readSprint,
  removeExtraSection,
  removeItem,
  removeTeam,
  renameTeam,
  setItemStatus,
  setSectionNotes,
  setSprintMeta,
  teamsMap,
} from '../../../shared/doc'
import { exportSprint, exportTeam, importIssue } from '../../../shared/markdown'
import {
  RestoreError,
  SPRINT_PART,
  captureSprint,
  docFromCheckpoint,
  restoreCheckpoint,
  type Capture,
} from '../../../shared/history'
import { newSprint } from '../markdown/helpers'

/** A sprint with two teams and a few items in each; ids are fixed. */
function planned(): Y.Doc {
  const doc = newSprint()
  addTeam(doc, { id: 'web', name: 'Web' })
  addTeam(doc, { id: 'infra', name: 'Infra' })
  addItem(doc, {
    id: 'w1',
    teamId: 'web',
    section: 'high',
    text: 'Ship the login',
    owners: ['ann'],
  })
  addItem(doc, { id: 'w2', teamId: 'web', section: 'high', text: 'Fix the build' })
  addItem(doc, { id: 'w3', teamId: 'web', section: 'okr', text: 'Signups up 10%', status: 'green' })
  addItem(doc, { id: 'w4', teamId: 'web', section: 'high', parent: 'w1', text: 'Design review' })
  addItem(doc, { id: 'i1', teamId: 'infra', section: 'high', text: 'Move to k8s' })
  setSectionNotes(doc, { teamId: 'web', section: 'low', text: 'Nothing planned' })
  return doc
}

function markdownOf(capture: Capture, key: string): string {
  return capture.parts.find((p) => p.key === key)?.markdown ?? ''
}

describe('capture', () => {
  it('cuts the sprint in parts with their exported Markdown', () => {
    const doc = planned()
    const c = captureSprint(doc)
    expect(c.parts.map((p) => [p.key, p.label])).toEqual([
      [SPRINT_PART, 'Issue body (title, dates, sections)'],
      ['team:web', 'Web'],
      ['team:infra', 'Infra'],
    ])
    expect(markdownOf(c, 'team:web')).toBe(exportTeam(doc, 'web'))
    expect(Object.keys(c.parts[1]?.data.items ?? {})).toEqual(['w1', 'w2', 'w3', 'w4'])
  })

  it('gives an untouched team the same hash, a changed one a new hash', () => {
    const doc = planned()
    const before = captureSprint(doc)
    editItemText(doc, { itemId: 'i1', index: 0, remove: 0, insert: 'Really ' })
    const after = captureSprint(doc)
    const hash = (c: Capture, key: string): string | undefined =>
      c.parts.find((p) => p.key === key)?.hash
    expect(hash(after, 'team:web')).toBe(hash(before, 'team:web'))
    expect(hash(after, 'team:infra')).not.toBe(hash(before, 'team:infra'))
    expect(captureSprint(doc).parts.map((p) => p.hash)).toEqual(after.parts.map((p) => p.hash))
  })
})

describe('restore a team', () => {
  it('brings the team back to the checkpoint, whatever happened to it since', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    renameTeam(doc, { teamId: 'web', name: 'Web platform' })
    editItemText(doc, { itemId: 'w2', index: 13, remove: 0, insert: ' on CI' })
    setItemStatus(doc, { itemId: 'w3', status: 'red' })
    removeItem(doc, { itemId: 'w1' }) // with its nested w4
    addItem(doc, { teamId: 'web', section: 'low', text: 'Added since' })
    moveItem(doc, { itemId: 'i1', teamId: 'web', section: 'high' })
    setSectionNotes(doc, { teamId: 'web', section: 'low', text: 'Changed notes' })
    setSectionNotes(doc, { teamId: 'web', section: 'retro', text: 'New notes' })

    const summary = restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: 'web' })

    expect(exportTeam(doc, 'web')).toBe(markdownOf(checkpoint, 'team:web'))
    // The item moved in since went back to its own team.
    expect(exportTeam(doc, 'infra')).toBe(markdownOf(checkpoint, 'team:infra'))
    expect(summary).toEqual({
      itemsAdded: 2,
      itemsRemoved: 1,
      itemsChanged: 3,
      teamsAdded: 0,
      teamsRemoved: 0,
    })
    // The removed items came back under new ids, nested as before.
    const high = readSprint(doc).teams[0]?.sections.find((s) => s.key === 'high')?.items ?? []
    expect(high.map((i) => i.text)).toEqual(['Ship the login', 'Fix the build'])
    expect(high[0]?.id).not.toBe('w1')
    expect(high[0]?.children.map((i) => i.text)).toEqual(['Design review'])
    expect(high[0]?.owners).toEqual(['ann'])
  })

  it('leaves the other teams alone', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    editItemText(doc, { itemId: 'i1', index: 0, remove: 0, insert: 'Now: ' })
    addItem(doc, { teamId: 'web', section: 'low', text: 'Added since' })
    restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: 'web' })
    expect(getItemText(doc, 'i1')?.toString()).toBe('Now: Move to k8s')
  })

  it('writes nothing when the team is as it was', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    editItemText(doc, { itemId: 'i1', index: 0, remove: 0, insert: 'Now: ' })
    const sv = Y.encodeStateVector(doc)
    restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: 'web' })
    expect(Y.encodeStateVector(doc)).toEqual(sv)
  })

  it('brings back a team removed since, under a new id', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    removeTeam(doc, { teamId: 'web' })
    restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: 'web' })
    const view = readSprint(doc)
    const web = view.teams.find((t) => t.name === 'Web')
    expect(web && web.id !== 'web').toBe(true)
    expect(exportTeam(doc, web?.id ?? '')).toBe(markdownOf(checkpoint, 'team:web'))
    expect(view.teams.map((t) => t.name)).toEqual(['Web', 'Infra'])
  })

  it('refuses a team the checkpoint does not hold', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    const id = addTeam(doc, { name: 'New' })
    expect(() => restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: id })).toThrow(
      RestoreError,
    )
  })

  it('is one undo step', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    const undo = createUndoManager(doc)
    removeItem(doc, { itemId: 'w2' })
    renameTeam(doc, { teamId: 'web', name: 'Renamed' })
    undo.stopCapturing()
    const edited = exportSprint(doc)
    restoreCheckpoint(doc, checkpoint.parts, { kind: 'team', teamId: 'web' })
    expect(exportTeam(doc, 'web')).toBe(markdownOf(checkpoint, 'team:web'))
    undo.undo()
    expect(exportSprint(doc)).toBe(edited)
    undo.redo()
    expect(exportTeam(doc, 'web')).toBe(markdownOf(checkpoint, 'team:web'))
  })
})

describe('restore the whole sprint', () => {
  it('restores title, dates, teams added and removed since, and every team', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    const before = exportSprint(doc)
    setSprintMeta(doc, { title: 'Renamed sprint', endDate: '2024-07-19' })
    removeTeam(doc, { teamId: 'infra' })
    addTeam(doc, { name: 'Added since' })
    editItemText(doc, { itemId: 'w1', index: 0, remove: 4, insert: 'Drop' })
    const summary = restoreCheckpoint(doc, checkpoint.parts, { kind: 'sprint' })
    expect(exportSprint(doc)).toBe(before)
    expect(summary.teamsAdded).toBe(1)
    expect(summary.teamsRemoved).toBe(1)
    expect([...teamsMap(doc).keys()]).not.toContain('infra')
  })

  it('brings back a section of the issue body (Incidents) removed since', () => {
    const doc = planned()
    importIssue(doc, '# Global Sprint Planning\n\n## Incidents\n\n- Ingestion lag @ana\n')
    const checkpoint = captureSprint(doc)
    const before = exportSprint(doc)
    const incidents = readSprint(doc).globalSections.find((s) => s.heading === 'Incidents')
    removeExtraSection(doc, { teamId: GLOBAL_TEAM, key: incidents?.key ?? '' })
    expect(exportSprint(doc)).not.toContain('Incidents')
    restoreCheckpoint(doc, checkpoint.parts, { kind: 'sprint' })
    expect(exportSprint(doc)).toBe(before)
    expect(exportSprint(docFromCheckpoint(checkpoint.parts, 's1'))).toBe(before)
  })

  it('makes a checkpoint into a document of its own (export --at)', () => {
    const doc = planned()
    const checkpoint = captureSprint(doc)
    const copy = docFromCheckpoint(checkpoint.parts, 's1')
    expect(exportSprint(copy)).toBe(exportSprint(doc))
    expect(itemsMap(copy).size).toBe(itemsMap(doc).size)
  })
})
