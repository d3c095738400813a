import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { MESSAGE, SYNC } from '../../../shared/sync'

/** y-webrtc wire messages, built the way y-webrtc builds them. */
export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.sync)
  encoding.writeVarUint(e, type)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export const updateMessage = (u: Uint8Array): Uint8Array => syncMessage(SYNC.update, u)

export function awarenessMessage(states: { clientId: number; clock: number; json: string }[]) {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, states.length)
  for (const s of states) {
    encoding.writeVarUint(inner, s.clientId)
    encoding.writeVarUint(inner, s.clock)
    encoding.writeVarString(inner, s.json)
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE.awareness)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/** The awareness payload inside a message (strip type byte + length). */
export function awarenessPayload(message: Uint8Array): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  void awareness
  // type (1 byte) + varuint length; payloads in tests are < 128 bytes or handled by decoding.
  let pos = 1
  let len = 0
  let shift = 0
  for (;;) {
    const b = message[pos++] ?? 0
    len |= (b & 0x7f) << shift
    shift += 7
    if (b < 0x80) break
  }
  return message.subarray(pos, pos + len)
}
