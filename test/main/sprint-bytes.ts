import * as Y from 'yjs'
import { createSprint } from '../../shared/doc'
import { decodeSprintFile, encodeSprintFile } from '../../shared/file'

const made = new Map<string, Uint8Array>()

/** A real .sprintpad file of a sprint with this title; the same title gives the same bytes. */
export function sprintBytes(title: string): Uint8Array {
  const known = made.get(title)
  if (known) return known
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 'sprint1',
    title,
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    teams: ['Analytics'],
    createdAt: 1_719_792_000_000,
  })
  const bytes = encodeSprintFile(doc)
  doc.destroy()
  made.set(title, bytes)
  return bytes
}

/** The validator main uses: decodeSprintFile, which throws SprintFileError on a bad file. */
export function validateSprintBytes(bytes: Uint8Array): void {
  decodeSprintFile(bytes)
}
