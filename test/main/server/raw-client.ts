import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { waitFor } from '../../helpers/wait'

/** A Hocuspocus client written by hand, to send what no real provider would. */
export interface RawClient {
  /** Types of the messages received for the document (2 auth, 0 sync, 7 close, 8 sync status…). */
  types: number[]
  /** Sends a sync message (step 2 or update) carrying `payload` as it is. */
  sendSync: (syncType: number, payload: Uint8Array) => void
  /** Sends a message of `type` whose body `write` encodes (after the document name and type). */
  send: (type: number, write: (e: encoding.Encoder) => void) => void
  /** Resolves when the server has closed the socket, with the close code. */
  closed: Promise<number>
  close: () => void
}

/** Connects, authenticates with `token`, and resolves once the server said "authenticated". */
export async function rawClient(
  url: string,
  documentName: string,
  token: string,
): Promise<RawClient> {
  const ws = new WebSocket(url)
  const types: number[] = []
  let isAuthenticated = false
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data))
    decoding.readVarString(d)
    const type = decoding.readVarUint(d)
    types.push(type)
    // Auth message, sub-type 2: authenticated.
    if (type === 2 && decoding.readVarUint(d) === 2) isAuthenticated = true
  })
  const closed = new Promise<number>((ok) => ws.once('close', (code) => ok(code)))
  await new Promise((ok, fail) => {
    ws.once('open', ok)
    ws.once('error', fail)
  })
  const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
    const e = encoding.createEncoder()
    encoding.writeVarString(e, documentName)
    write(e)
    return encoding.toUint8Array(e)
  }
  ws.send(
    message((e) => {
      encoding.writeVarUint(e, 2)
      encoding.writeVarUint(e, 0)
      encoding.writeVarString(e, token)
    }),
  )
  await waitFor('authentication', () => isAuthenticated, 10_000)
  return {
    types,
    closed,
    sendSync: (syncType, payload) =>
      ws.send(
        message((e) => {
          encoding.writeVarUint(e, 0)
          encoding.writeVarUint(e, syncType)
          encoding.writeVarUint8Array(e, payload)
        }),
      ),
    send: (type, write) =>
      ws.send(
        message((e) => {
          encoding.writeVarUint(e, type)
          write(e)
        }),
      ),
    close: () => ws.close(),
  }
}
