import * as Y from 'yjs'
import { sha256 } from '@noble/hashes/sha2.js'

/**
 * The `.sprintpad` file: one sprint, self-contained and checkable.
 *
 * Layout (all integers big-endian):
 * - 8 bytes magic `SPRNTPAD`
 * - 2 bytes format version ({@link SPRINT_FILE_VERSION})
 * - 4 bytes length n of the Yjs update
 * - n bytes: `Y.encodeStateAsUpdate` of the whole sprint document
 * - 32 bytes SHA-256 of everything before it
 *
 * Version 2 (written only when the sprint's history goes along, see `shared/history/archive.ts`)
 * adds, between the update and the checksum, 4 bytes length m and m bytes of history. A file
 * without history stays version 1, readable by every earlier build.
 *
 * SHA-256 comes from `@noble/hashes` (audited, dependency-free, synchronous, same code in the
 * browser and Node): WebCrypto's digest is asynchronous and `node:crypto` is not available in
 * the renderer, while encoding must stay a plain synchronous function of the document.
 */

/** File name extension of a saved sprint. */
export const SPRINT_FILE_EXTENSION = '.sprintpad'

/** The format version of a file without history (what every build reads). */
export const SPRINT_FILE_VERSION = 1

/** The format version of a file that carries the sprint's history too. */
export const SPRINT_FILE_VERSION_WITH_HISTORY = 2

/**
 * Versions count up one at a time, so a header claiming one beyond this is damage (random bytes
 * after the magic), not a file from the future: it must not tell the user to update.
 */
const NEWEST_PLAUSIBLE_VERSION = 255

const MAGIC = new TextEncoder().encode('SPRNTPAD')
const HEADER = MAGIC.length + 2 + 4
const CHECKSUM = 32

export { SprintFileError, type SprintFileProblem } from './errors'
import { SprintFileError } from './errors'

/**
 * Encodes the whole sprint document as a `.sprintpad` file; with `history` (an encoded history
 * archive) the file is version 2 and carries it.
 */
export function encodeSprintFile(doc: Y.Doc, options: { history?: Uint8Array } = {}): Uint8Array {
  const update = Y.encodeStateAsUpdate(doc)
  const history = options.history
  const body = HEADER + update.length + (history ? 4 + history.length : 0)
  const out = new Uint8Array(body + CHECKSUM)
  out.set(MAGIC, 0)
  const view = new DataView(out.buffer)
  view.setUint16(MAGIC.length, history ? SPRINT_FILE_VERSION_WITH_HISTORY : SPRINT_FILE_VERSION)
  view.setUint32(MAGIC.length + 2, update.length)
  out.set(update, HEADER)
  if (history) {
    view.setUint32(HEADER + update.length, history.length)
    out.set(history, HEADER + update.length + 4)
  }
  out.set(sha256(out.subarray(0, body)), body)
  return out
}

/** What a `.sprintpad` file holds: the Yjs update, and the encoded history if it carries one. */
export interface SprintFileContent {
  update: Uint8Array
  history: Uint8Array | undefined
}

/**
 * Checks a `.sprintpad` file and returns the Yjs update it holds. Throws {@link SprintFileError}
 * for a file that is not one, is from another format version, is truncated or was altered.
 */
export function decodeSprintFile(bytes: Uint8Array): Uint8Array {
  return readSprintFile(bytes).update
}

/**
 * Checks a `.sprintpad` file (version 1 or 2) and returns what it holds. Throws
 * {@link SprintFileError} like {@link decodeSprintFile}.
 */
export function readSprintFile(bytes: Uint8Array): SprintFileContent {
  if (bytes.length < MAGIC.length || !MAGIC.every((b, i) => bytes[i] === b)) {
    throw new SprintFileError(
      'notSprintpad',
      'Not a Sprintpad file (the file does not start with SPRNTPAD)',
    )
  }
  if (bytes.length < HEADER + CHECKSUM) {
    throw new SprintFileError('damaged', 'Sprintpad file is truncated (shorter than its header)')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const version = view.getUint16(MAGIC.length)
  if (version !== SPRINT_FILE_VERSION && version !== SPRINT_FILE_VERSION_WITH_HISTORY) {
    throw new SprintFileError(
      version < SPRINT_FILE_VERSION
        ? 'olderFormat'
        : version <= NEWEST_PLAUSIBLE_VERSION
          ? 'newerFormat'
          : 'damaged',
      `Unsupported Sprintpad file version ${version} (this build reads versions ${SPRINT_FILE_VERSION} and ${SPRINT_FILE_VERSION_WITH_HISTORY})`,
      version,
    )
  }
  const length = view.getUint32(MAGIC.length + 2)
  let historyLength = 0
  if (version === SPRINT_FILE_VERSION_WITH_HISTORY) {
    if (bytes.length < HEADER + length + 4 + CHECKSUM) {
      throw new SprintFileError('damaged', 'Sprintpad file is truncated (before its history)')
    }
    historyLength = 4 + view.getUint32(HEADER + length)
  }
  const expected = HEADER + length + historyLength + CHECKSUM
  if (bytes.length < expected) {
    throw new SprintFileError(
      'damaged',
      `Sprintpad file is truncated: ${bytes.length} bytes, expected ${expected}`,
    )
  }
  if (bytes.length > expected) {
    throw new SprintFileError(
      'damaged',
      `Sprintpad file has ${bytes.length - expected} unexpected bytes after its end`,
    )
  }
  const bodyEnd = HEADER + length + historyLength
  const sum = bytes.subarray(bodyEnd)
  const actual = sha256(bytes.subarray(0, bodyEnd))
  if (!actual.every((b, i) => sum[i] === b)) {
    throw new SprintFileError('damaged', 'Sprintpad file is corrupted (checksum mismatch)')
  }
  return {
    update: bytes.slice(HEADER, HEADER + length),
    history: historyLength > 0 ? bytes.slice(HEADER + length + 4, bodyEnd) : undefined,
  }
}

/** Reads a `.sprintpad` file into a new Y.Doc. Throws {@link SprintFileError} like decode. */
export function loadSprintFile(bytes: Uint8Array): Y.Doc {
  const update = decodeSprintFile(bytes)
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, update)
  } catch (e) {
    throw new SprintFileError(
      'damaged',
      `Sprintpad file holds an unreadable document: ${String(e)}`,
    )
  }
  return doc
}
