import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  moveItem,
  readSprint,
  removeItem,
  renameTeam,
  setItemStatus,
  setOwners,
  setSupportHeroes,
  type PeerClock,
  type SprintView,
  type TeamView,
} from '../../../shared/doc'
import { importComment } from '../../../shared/markdown'
import { getTemplate, type TemplateDefinition } from '../../../shared/template'
import { fixture } from '../markdown/helpers'

/** Sprints and edits shared by the meeting tests (plain helpers, no test runner). */

export const clock = (now: number): PeerClock => ({
  device: 'ana-device',
  now,
  offsetTo: () => undefined,
  roomOffset: 0,
})

/** Pipeline (a clean comment) and Growth (one with gaps), as a meeting would find them. */
export function sprint(): Y.Doc {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 's',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    template: getTemplate('team-2024') as TemplateDefinition,
  })
  importComment(doc, fixture('comments/01-pipeline-clean.md'))
  importComment(doc, fixture('comments/03-growth-details.md'))
  return doc
}

export const byName = (v: SprintView, name: string): TeamView => {
  const t = v.teams.find((x) => x.name === name)
  if (!t) throw new Error(`no team ${name}`)
  return t
}
export const items = (t: TeamView, key: string) =>
  t.sections.find((s) => s.key === key)?.items ?? []

/** What the teams did during the meeting: marks, a hero, decisions, new and removed items. */
export function meetingEdits(doc: Y.Doc): void {
  const v = readSprint(doc)
  const pipeline = byName(v, 'Pipeline')
  const growth = byName(v, 'Growth')
  setSupportHeroes(doc, { teamId: growth.id, heroes: [{ label: '', handle: 'sam-o' }] })
  const [, access, ship] = items(growth, 'retro')
  setItemStatus(doc, { itemId: access?.id ?? '', status: 'partly' })
  setItemStatus(doc, { itemId: ship?.id ?? '', status: 'done' })
  addItem(doc, { id: 'new', teamId: pipeline.id, section: 'high', text: 'Kafka client upgrade' })
  setOwners(doc, { itemId: 'new', owners: ['tom-reid'] })
  const [, , geoip] = items(pipeline, 'high')
  setOwners(doc, { itemId: geoip?.id ?? '', owners: ['li-wei'] })
  const [rate] = items(pipeline, 'low')
  moveItem(doc, { itemId: rate?.id ?? '', section: 'high' })
  const [dlq] = items(pipeline, 'high')
  editItemText(doc, { itemId: dlq?.id ?? '', index: 0, remove: 0, insert: 'Finish: ' })
  const [, sep] = items(pipeline, 'high')
  removeItem(doc, { itemId: sep?.id ?? '' })
  renameTeam(doc, { teamId: growth.id, name: 'Growth | Billing' })
  addTeam(doc, { id: 'infra', name: 'Infra' })
}
