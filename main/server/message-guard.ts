import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { inspectUpdateSchema } from '../../shared/doc'
import { describeError, inspectUpdate } from '../../shared/sync'
import type { ServerLimits } from './limits'

/** Hocuspocus 3 message types (packages/server/src/types.ts). */
export const HOCUSPOCUS_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
} as const

const SYNC = { step1: 0, step2: 1, update: 2 } as const

/**
 * What to do with one message from an authenticated client: apply it (and first store `update`,
 * the Yjs update it carries, if any) or refuse it for `reason`.
 */
export type MessageVerdict = { ok: true; update?: Uint8Array } | { ok: false; reason: string }

/**
 * Checks one Hocuspocus message from a client before the server applies it to `doc`. Never throws.
 * The same checks as between peers (shared/sync/guard.ts): sync messages must decode completely;
 * an update must be within the size cap, pass {@link inspectUpdate} (decodes fully, no forged
 * client id, no subdocuments) and {@link inspectUpdateSchema} (no value of the wrong kind where
 * the sprint schema names one). Presence messages are size-capped and must hold JSON states.
 * Stateless messages (unused by Sprintpad, a free relay otherwise) and unknown types are refused.
 */
export function inspectClientMessage(
  doc: Y.Doc,
  message: Uint8Array,
  limits: ServerLimits,
): MessageVerdict {
  try {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case HOCUSPOCUS_MESSAGE.sync:
      case HOCUSPOCUS_MESSAGE.syncReply:
        return inspectSync(doc, decoder, limits)
      case HOCUSPOCUS_MESSAGE.awareness:
        return inspectAwareness(decoding.readVarUint8Array(decoder), decoder, limits)
      case HOCUSPOCUS_MESSAGE.auth:
      case HOCUSPOCUS_MESSAGE.queryAwareness:
      case HOCUSPOCUS_MESSAGE.close:
        return { ok: true }
      default:
        return { ok: false, reason: `message type ${type} is not accepted` }
    }
  } catch (err) {
    return { ok: false, reason: `malformed message: ${describeError(err)}` }
  }
}

function inspectSync(doc: Y.Doc, decoder: decoding.Decoder, limits: ServerLimits): MessageVerdict {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (decoding.hasContent(decoder))
    return { ok: false, reason: 'trailing bytes after sync message' }
  if (syncType === SYNC.step1) {
    Y.decodeStateVector(payload)
    return { ok: true }
  }
  if (syncType !== SYNC.step2 && syncType !== SYNC.update) {
    return { ok: false, reason: `unknown sync message type ${syncType}` }
  }
  if (payload.length > limits.maxUpdateBytes) {
    return {
      ok: false,
      reason: `update of ${payload.length} bytes exceeds the ${limits.maxUpdateBytes} cap`,
    }
  }
  const problem = inspectUpdate(doc, payload) ?? inspectUpdateSchema(doc, payload)
  return problem === undefined ? { ok: true, update: payload } : { ok: false, reason: problem }
}

function inspectAwareness(
  update: Uint8Array,
  outer: decoding.Decoder,
  limits: ServerLimits,
): MessageVerdict {
  if (decoding.hasContent(outer)) return { ok: false, reason: 'trailing bytes after presence' }
  if (update.length > limits.maxAwarenessBytes) {
    return { ok: false, reason: `presence message of ${update.length} bytes exceeds the cap` }
  }
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > 256) return { ok: false, reason: `${count} presence states in one message` }
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    if (json.length > limits.maxAwarenessStateBytes) {
      return { ok: false, reason: `presence state of ${json.length} characters is too large` }
    }
    JSON.parse(json)
  }
  if (decoding.hasContent(decoder)) return { ok: false, reason: 'trailing bytes after presence' }
  return { ok: true }
}
