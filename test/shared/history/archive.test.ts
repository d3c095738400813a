import { describe, expect, it } from 'vitest'
import { addItem, addTeam } from '../../../shared/doc'
import { exportSprint } from '../../../shared/markdown'
import {
  HistoryFormatError,
  captureSprint,
  decodeHistory,
  docFromCheckpoint,
  encodeHistory,
  type Checkpoint,
  type HistoryArchive,
} from '../../../shared/history'
import {
  SprintFileError,
  encodeSprintFile,
  loadSprintFile,
  readSprintFile,
} from '../../../shared/file'
import { newSprint } from '../markdown/helpers'

function archive(): { archive: HistoryArchive; markdown: string } {
  const doc = newSprint()
  addTeam(doc, { id: 'web', name: 'Web' })
  addItem(doc, { teamId: 'web', section: 'high', text: 'Ship it', owners: ['ann'] })
  const c = captureSprint(doc)
  const checkpoint: Checkpoint = {
    id: 'c1',
    at: 1_720_000_000_000,
    reason: 'opened',
    parts: c.parts.map(({ key, label, hash }) => ({ key, label, hash })),
    stateVector: c.stateVector,
    authors: { 'team:web': [{ clientId: 1, name: 'Ann', color: '#e5484d', changes: 7 }] },
  }
  const blobs = c.parts.map(({ hash, data, markdown }) => ({ hash, data, markdown }))
  return { archive: { checkpoints: [checkpoint], blobs }, markdown: exportSprint(doc) }
}

describe('history in a .sprintpad file', () => {
  it('round-trips checkpoints and their parts', () => {
    const { archive: a, markdown } = archive()
    const back = decodeHistory(encodeHistory(a))
    expect(back.checkpoints).toEqual(a.checkpoints)
    expect(exportSprint(docFromCheckpoint(back.blobs, 's1'))).toBe(markdown)
  })

  it('refuses a part whose content does not match its hash', () => {
    const { archive: a } = archive()
    const text = new TextDecoder().decode(encodeHistory(a)).replace('Ship it', 'Ship that')
    expect(() => decodeHistory(new TextEncoder().encode(text))).toThrow(/does not match its hash/)
  })

  it('refuses malformed JSON and fields of the wrong shape, in words', () => {
    expect(() => decodeHistory(new TextEncoder().encode('{'))).toThrow(HistoryFormatError)
    const { archive: a } = archive()
    const text = new TextDecoder().decode(encodeHistory(a)).replace('"opened"', '"sometime"')
    expect(() => decodeHistory(new TextEncoder().encode(text))).toThrow(
      /malformed \(checkpoints\.0\.reason/,
    )
  })

  it('refuses a checkpoint whose part is missing', () => {
    const { archive: a } = archive()
    expect(() => decodeHistory(encodeHistory({ ...a, blobs: a.blobs.slice(1) }))).toThrow(
      /lacks its part "Issue body/,
    )
  })

  it('is carried by a version 2 file; a file without history stays version 1', () => {
    const doc = newSprint()
    const { archive: a } = archive()
    const plain = encodeSprintFile(doc)
    expect(plain[9]).toBe(1)
    expect(readSprintFile(plain).history).toBeUndefined()
    const withHistory = encodeSprintFile(doc, { history: encodeHistory(a) })
    expect(withHistory[9]).toBe(2)
    const read = readSprintFile(withHistory)
    expect(decodeHistory(read.history as Uint8Array).checkpoints).toHaveLength(1)
    expect(exportSprint(loadSprintFile(withHistory))).toBe(exportSprint(doc))
  })

  it('checks a version 2 file as a whole: cut short or altered anywhere is damage', () => {
    const { archive: a } = archive()
    const bytes = encodeSprintFile(newSprint(), { history: encodeHistory(a) })
    for (const n of [20, bytes.length - 100, bytes.length - 1]) {
      expect(() => readSprintFile(bytes.subarray(0, n))).toThrow(SprintFileError)
    }
    const flipped = bytes.slice()
    flipped[bytes.length - 60] = (flipped[bytes.length - 60] as number) ^ 1
    expect(() => readSprintFile(flipped)).toThrow(/checksum mismatch/)
  })
})
