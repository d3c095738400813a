import { z } from 'zod'
import { fromBase64, toBase64 } from 'lib0/buffer'
import { hashPart } from './capture'
import type { Checkpoint, PartBlob } from './types'

/**
 * A sprint's history as it travels in a `.sprintpad` file: its checkpoints and the part blobs they
 * reference. Encoded as UTF-8 JSON (state vectors in base64); decoding validates every field and
 * every blob's hash, so a damaged or hostile file yields an error, never a bad checkpoint.
 */
export interface HistoryArchive {
  checkpoints: Checkpoint[]
  blobs: PartBlob[]
}

/** Thrown when a file's history cannot be read. */
export class HistoryFormatError extends Error {
  override name = 'HistoryFormatError'
}

const ARCHIVE_VERSION = 1

const itemSchema = z.object({
  text: z.string(),
  team: z.string(),
  section: z.string(),
  parent: z.string(),
  order: z.string(),
  status: z.string().nullable(),
  owners: z.array(z.string()),
  task: z.boolean(),
  group: z.string(),
  from: z.string(),
})

const heroSchema = z.object({ handle: z.string(), label: z.string() })

const partDataSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('team'),
    id: z.string().min(1),
    team: z.object({
      name: z.string(),
      order: z.string(),
      heroes: z.array(heroSchema),
      offDuring: z.string(),
      members: z.array(z.string()),
      heroSuggestion: z.string(),
    }),
    items: z.record(z.string(), itemSchema),
    notes: z.record(z.string(), z.string()),
    extraSections: z.record(z.string(), z.unknown()),
  }),
  z.object({
    kind: z.literal('sprint'),
    meta: z.object({ title: z.string(), startDate: z.string(), endDate: z.string() }),
    template: z.unknown(),
    items: z.record(z.string(), itemSchema),
    notes: z.record(z.string(), z.string()),
    extraSections: z.record(z.string(), z.unknown()).optional(),
  }),
])

const authorSchema = z.object({
  clientId: z.number().int().nonnegative(),
  name: z.string().max(200),
  color: z.string().max(32),
  changes: z.number().nonnegative(),
})

const reasonSchema = z.enum([
  'opened',
  'editing',
  'import',
  'restore',
  'sections',
  'next-sprint',
  'peer',
  'manual',
  'file',
])

const archiveSchema = z.object({
  version: z.literal(ARCHIVE_VERSION),
  checkpoints: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        at: z.number().finite(),
        reason: reasonSchema,
        parts: z.array(z.object({ key: z.string(), label: z.string(), hash: z.string() })),
        stateVector: z.string(),
        authors: z.record(z.string(), z.array(authorSchema)),
      }),
    )
    .max(10_000),
  blobs: z.array(z.object({ hash: z.string(), data: partDataSchema, markdown: z.string() })),
})

/** Encodes a history for a file. */
export function encodeHistory(archive: HistoryArchive): Uint8Array {
  const json = {
    version: ARCHIVE_VERSION,
    checkpoints: archive.checkpoints.map((c) => ({ ...c, stateVector: toBase64(c.stateVector) })),
    blobs: archive.blobs,
  }
  return new TextEncoder().encode(JSON.stringify(json))
}

/**
 * Decodes and checks a file's history. Throws {@link HistoryFormatError} for anything that is not
 * a history of this version, a blob whose content does not match its hash, or a checkpoint that
 * references a missing blob.
 */
export function decodeHistory(bytes: Uint8Array): HistoryArchive {
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    throw new HistoryFormatError('the history in this file is not readable JSON')
  }
  const parsed = archiveSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new HistoryFormatError(
      `the history in this file is malformed (${issue?.path.join('.') || 'root'}: ${issue?.message ?? '?'})`,
    )
  }
  // The blobs as read, not as zod rebuilt them: their key order is what the hash covers.
  const blobs = (json as { blobs: PartBlob[] }).blobs
  const hashes = new Set<string>()
  for (const b of blobs) {
    if (hashPart(JSON.stringify(b.data), b.markdown) !== b.hash) {
      throw new HistoryFormatError(
        `a checkpoint part does not match its hash (${b.hash.slice(0, 8)})`,
      )
    }
    hashes.add(b.hash)
  }
  const checkpoints = parsed.data.checkpoints.map((c) => {
    const missing = c.parts.find((p) => !hashes.has(p.hash))
    if (missing)
      throw new HistoryFormatError(`checkpoint ${c.id} lacks its part "${missing.label}"`)
    let stateVector: Uint8Array
    try {
      stateVector = fromBase64(c.stateVector)
    } catch {
      throw new HistoryFormatError(`checkpoint ${c.id} has an unreadable state vector`)
    }
    return { ...c, stateVector }
  })
  return { checkpoints: checkpoints.sort((a, b) => a.at - b.at), blobs }
}
