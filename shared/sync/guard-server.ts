import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import type { OwnPresence } from './awareness-guard'
import {
  DEFAULT_GUARD_LIMITS,
  MESSAGE,
  describeError,
  guardPeerMessage,
  type GuardLimits,
} from './guard'

/** Hocuspocus 3 message types a server sends (packages/common: MessageType). */
const SERVER_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
} as const

/** The outcome of {@link guardServerMessage}: the message to hand to the provider, or why not. */
export type ServerVerdict =
  { ok: true; message: Uint8Array; dropped: string[] } | { ok: false; reason: string }

/**
 * Checks one message from a Sprintpad server (Hocuspocus protocol: the document name, then a
 * message type and its payload) before the Hocuspocus provider reads it into `doc`. Never
 * throws. The server relays what other clients sent, so its sync and presence messages get the
 * same guard as a peer's ({@link guardPeerMessage}: an update must decode completely, claim no
 * structs under our client id, embed no subdocument; presence states are filtered one by one,
 * and one claiming our own client id is dropped). Authentication, sync-status and close messages
 * are the server's own and pass; stateless messages (Sprintpad sends none) and unknown types are
 * refused.
 */
export function guardServerMessage(
  doc: Y.Doc,
  bytes: Uint8Array,
  limits: GuardLimits = DEFAULT_GUARD_LIMITS,
  own?: OwnPresence,
): ServerVerdict {
  try {
    const decoder = decoding.createDecoder(bytes)
    const documentName = decoding.readVarString(decoder)
    const body = bytes.subarray(decoder.pos)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case SERVER_MESSAGE.sync:
      case SERVER_MESSAGE.syncReply:
      case SERVER_MESSAGE.awareness:
      case SERVER_MESSAGE.queryAwareness: {
        // The rest is a y-protocols message as peers send it (a sync reply is a sync message).
        const asPeer = type === SERVER_MESSAGE.syncReply ? withType(MESSAGE.sync, body) : body
        const verdict = guardPeerMessage(doc, asPeer, limits, own)
        if (!verdict.ok) return verdict
        const kept =
          type === SERVER_MESSAGE.syncReply ? withType(type, verdict.message) : verdict.message
        return { ok: true, message: prefixed(documentName, kept), dropped: verdict.dropped }
      }
      case SERVER_MESSAGE.auth:
      case SERVER_MESSAGE.close:
      case SERVER_MESSAGE.syncStatus:
        return { ok: true, message: bytes, dropped: [] }
      default:
        return { ok: false, reason: `server message of type ${type} is not accepted` }
    }
  } catch (err) {
    return { ok: false, reason: `malformed server message: ${describeError(err)}` }
  }
}

/** `message` with its leading message type replaced by `type`. */
function withType(type: number, message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message)
  decoding.readVarUint(decoder)
  const out = encoding.createEncoder()
  encoding.writeVarUint(out, type)
  encoding.writeUint8Array(out, message.subarray(decoder.pos))
  return encoding.toUint8Array(out)
}

function prefixed(documentName: string, body: Uint8Array): Uint8Array {
  const out = encoding.createEncoder()
  encoding.writeVarString(out, documentName)
  encoding.writeUint8Array(out, body)
  return encoding.toUint8Array(out)
}
