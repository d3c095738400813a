import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { filterAwarenessUpdate, type OwnPresence } from './awareness-guard'

/** y-webrtc's message types (y-webrtc 10, src/y-webrtc.js). */
export const MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3, bcPeerId: 4 } as const
/** y-protocols' sync message types. */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const

/** How much a peer may send in one message. */
export interface GuardLimits {
  /** Any one message from a peer. A larger one is dropped before it is even parsed. */
  maxMessageBytes: number
  /** One awareness (presence) message. */
  maxAwarenessBytes: number
  /** One person's awareness state as JSON. */
  maxAwarenessStateBytes: number
}

/**
 * Defaults: 4 MiB per message (WebRTC data channels in Chromium refuse more than 256 KiB per
 * message anyway, so honest peers stay far below), 64 KiB per presence message, 4 KiB per state.
 */
export const DEFAULT_GUARD_LIMITS: GuardLimits = {
  maxMessageBytes: 4 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  maxAwarenessStateBytes: 4 * 1024,
}

/**
 * What to do with one message from a peer: pass `message` on (possibly a filtered copy, with the
 * reasons for what was taken out in `dropped`), or drop it entirely for `reason`.
 */
export type Verdict =
  { ok: true; message: Uint8Array; dropped: string[] } | { ok: false; reason: string }

/**
 * Checks one y-webrtc message from a WebRTC peer before y-webrtc reads it into `doc`. Never
 * throws. Sync messages must decode completely (a state vector, or an update that
 * {@link inspectUpdate} accepts) with no trailing bytes; awareness messages are filtered state by
 * state against `own`, our awareness id and clock ({@link filterAwarenessUpdate}); broadcast-channel peer ids (`4`) are refused, since only
 * tabs of this browser may send those and a remote peer could use them to make us ignore a
 * colleague's signaling; unknown types are refused.
 */
export function guardPeerMessage(
  doc: Y.Doc,
  bytes: Uint8Array,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  own: OwnPresence = { clientId: doc.clientID, clock: 0 },
): Verdict {
  if (bytes.length > limits.maxMessageBytes) {
    return reject(`message of ${bytes.length} bytes exceeds the ${limits.maxMessageBytes} cap`)
  }
  try {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE.sync:
        return guardSync(doc, bytes, decoder)
      case MESSAGE.awareness: {
        if (bytes.length > limits.maxAwarenessBytes) {
          return reject(`presence message of ${bytes.length} bytes exceeds the cap`)
        }
        const update = decoding.readVarUint8Array(decoder)
        if (decoding.hasContent(decoder)) return reject('trailing bytes after presence update')
        const filtered = filterAwarenessUpdate(update, own, limits.maxAwarenessStateBytes)
        if (filtered.update === undefined) {
          return reject(`presence update ignored: ${filtered.dropped.join('; ')}`)
        }
        const out = encoding.createEncoder()
        encoding.writeVarUint(out, MESSAGE.awareness)
        encoding.writeVarUint8Array(out, filtered.update)
        return { ok: true, message: encoding.toUint8Array(out), dropped: filtered.dropped }
      }
      case MESSAGE.queryAwareness:
        if (decoding.hasContent(decoder)) return reject('trailing bytes after presence query')
        return { ok: true, message: bytes, dropped: [] }
      case MESSAGE.bcPeerId:
        return reject('broadcast-channel message from a network peer')
      default:
        return reject(`unknown message type ${type}`)
    }
  } catch (err) {
    return reject(`malformed message: ${describeError(err)}`)
  }
}

function guardSync(doc: Y.Doc, bytes: Uint8Array, decoder: decoding.Decoder): Verdict {
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (decoding.hasContent(decoder)) return reject('trailing bytes after sync message')
  switch (syncType) {
    case SYNC.step1:
      Y.decodeStateVector(payload)
      return { ok: true, message: bytes, dropped: [] }
    case SYNC.step2:
    case SYNC.update: {
      const problem = inspectUpdate(doc, payload)
      return problem === undefined ? { ok: true, message: bytes, dropped: [] } : reject(problem)
    }
    default:
      return reject(`unknown sync message type ${syncType}`)
  }
}

/**
 * Why a remote Yjs update (v1 encoding) must not be applied to `doc`, or `undefined` if it may.
 * Never throws. Refused: an update that does not decode completely; one that carries structs
 * under our own client id beyond what we have written (a peer impersonating us would corrupt our
 * next edits); one that embeds subdocuments (the sprint model has none).
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): string | undefined {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[] }
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded
  } catch (err) {
    return `malformed update: ${describeError(err)}`
  }
  const ownClock = Y.getState(doc.store, doc.clientID)
  for (const struct of decoded.structs) {
    if (struct.id.client === doc.clientID && struct.id.clock + struct.length > ownClock) {
      return 'update claims our own client id'
    }
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentDoc) {
      return 'update embeds a subdocument'
    }
  }
  return undefined
}

/** The outcome of {@link applyRemoteUpdate}. */
export type ApplyResult = { ok: true } | { ok: false; reason: string }

/**
 * Applies a remote update after {@link inspectUpdate}, catching anything Yjs throws while
 * integrating it, so a hostile update is dropped and reported instead of thrown into the app.
 */
export function applyRemoteUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): ApplyResult {
  const problem = inspectUpdate(doc, update)
  if (problem !== undefined) return { ok: false, reason: problem }
  try {
    Y.applyUpdate(doc, update, origin)
    return { ok: true }
  } catch (err) {
    return { ok: false, reason: `update failed to apply: ${describeError(err)}` }
  }
}

/** A short, single-line description of something thrown (for reports; never the payload). */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err)
  return text.replace(/\s+/g, ' ').slice(0, 120)
}

function reject(reason: string): Verdict {
  return { ok: false, reason }
}
