import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readSprint } from '../../../shared/doc'
import {
  SPRINT_FILE_EXTENSION,
  SprintFileError,
  decodeSprintFile,
  encodeSprintFile,
  loadSprintFile,
} from '../../../shared/file'
import { exportSprint, importComment } from '../../../shared/markdown'
import { fixture, newSprint } from '../markdown/helpers'

function sample(): Y.Doc {
  const doc = newSprint('team-2024', ['CDP'])
  importComment(doc, fixture('comments/01-pipeline-clean.md'))
  return doc
}

describe('.sprintpad files', () => {
  it('round-trips the whole sprint', () => {
    const doc = sample()
    const bytes = encodeSprintFile(doc)
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('SPRNTPAD')
    const back = loadSprintFile(bytes)
    expect(exportSprint(back)).toBe(exportSprint(doc))
    expect(readSprint(back).problems).toEqual([])
    expect(SPRINT_FILE_EXTENSION).toBe('.sprintpad')
  })

  it('returns the Yjs update, applicable to any doc', () => {
    const doc = sample()
    const update = decodeSprintFile(encodeSprintFile(doc))
    const other = new Y.Doc()
    Y.applyUpdate(other, update)
    expect(exportSprint(other)).toBe(exportSprint(doc))
  })

  it('refuses a file that is not a Sprintpad file', () => {
    expect(() => decodeSprintFile(new TextEncoder().encode('# Team X\n'))).toThrow(
      /Not a Sprintpad file/,
    )
    expect(() => decodeSprintFile(new Uint8Array())).toThrow(SprintFileError)
  })

  it('refuses a truncated file at every length', () => {
    const bytes = encodeSprintFile(sample())
    for (const n of [8, 12, 20, bytes.length - 33, bytes.length - 1]) {
      expect(() => decodeSprintFile(bytes.subarray(0, n))).toThrow(/truncated/)
    }
  })

  it('refuses another format version', () => {
    const bytes = encodeSprintFile(sample())
    bytes[9] = 3
    expect(() => decodeSprintFile(bytes)).toThrow(/Unsupported Sprintpad file version 3/)
  })

  it('says what is wrong in words for the app, apart from the precise message', () => {
    const problem = (bytes: Uint8Array): SprintFileError => {
      try {
        decodeSprintFile(bytes)
      } catch (e) {
        if (e instanceof SprintFileError) return e
      }
      throw new Error('no SprintFileError')
    }
    expect(problem(new TextEncoder().encode('# Team X\n')).userMessage).toBe(
      'This is not a Sprintpad file.',
    )
    const good = encodeSprintFile(sample())
    expect(problem(good.subarray(0, good.length - 1)).problem).toBe('damaged')
    const flipped = good.slice()
    flipped[100] = (flipped[100] as number) ^ 1
    expect(problem(flipped).userMessage).toMatch(/^This Sprintpad file is damaged/)
    const newer = good.slice()
    newer[9] = 7
    expect(problem(newer).userMessage).toBe(
      'This file was saved by a newer Sprintpad (format 7). Update Sprintpad to open it.',
    )
    const older = good.slice()
    older[9] = 0
    expect(problem(older).problem).toBe('olderFormat')
  })

  it('reads a wild version number as damage, not as a file from the future', () => {
    const problem = (bytes: Uint8Array): SprintFileError | undefined => {
      try {
        decodeSprintFile(bytes)
      } catch (e) {
        if (e instanceof SprintFileError) return e
      }
      return undefined
    }
    const garbage = new TextEncoder().encode('SPRNTPAD' + 'x'.repeat(100))
    expect(problem(garbage)?.problem).toBe('damaged')
    expect(problem(garbage)?.message).toMatch(/^Unsupported Sprintpad file version 30840 /)
    const good = encodeSprintFile(sample())
    const at = (version: number): Uint8Array => {
      const copy = good.slice()
      new DataView(copy.buffer).setUint16(8, version)
      return copy
    }
    expect(problem(at(255))?.problem).toBe('newerFormat')
    expect(problem(at(256))?.problem).toBe('damaged')
  })

  it('refuses a file with a flipped bit anywhere after the header', () => {
    const bytes = encodeSprintFile(sample())
    for (const at of [14, 100, bytes.length - 40, bytes.length - 1]) {
      const copy = bytes.slice()
      copy[at] = (copy[at] as number) ^ 1
      expect(() => decodeSprintFile(copy)).toThrow(/checksum mismatch/)
    }
  })

  it('refuses trailing bytes', () => {
    const bytes = encodeSprintFile(sample())
    const longer = new Uint8Array(bytes.length + 3)
    longer.set(bytes)
    expect(() => decodeSprintFile(longer)).toThrow(/unexpected bytes/)
  })
})
