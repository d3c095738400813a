import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { presenceStateSchema } from './presence'

/** Our own awareness client id and its current clock. */
export interface OwnPresence {
  clientId: number
  clock: number
}

/** Most states accepted in one awareness update (a room of 20–35 peers relays far fewer). */
const MAX_STATES = 256

/**
 * Filters an awareness update (y-protocols encoding: count, then per client its id, clock and
 * state as JSON) state by state. Echoes of our own state (our id, a clock no newer than ours) are
 * left out silently. Dropped: other states claiming our own client id (y-protocols would let a
 * newer one overwrite how we appear), states over `maxStateBytes`, states that are
 * not JSON, and states failing {@link presenceStateSchema}. A `null` state (someone left) passes.
 * Returns the re-encoded update of what passed (or `undefined` if nothing did) and the reasons
 * for what did not. Throws on bytes that are not an awareness update at all (the caller catches).
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  own: OwnPresence,
  maxStateBytes: number,
): { update: Uint8Array | undefined; dropped: string[] } {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > MAX_STATES) return { update: undefined, dropped: [`${count} states in one update`] }
  const kept: { clientId: number; clock: number; json: string }[] = []
  const dropped: string[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const json = decoding.readVarString(decoder)
    // Peers relay everyone's state, ours included: an echo no newer than ours is a no-op.
    if (clientId === own.clientId && clock <= own.clock) continue
    const problem = checkState(clientId, json, own.clientId, maxStateBytes)
    if (problem === undefined) kept.push({ clientId, clock, json })
    else dropped.push(`client ${clientId}: ${problem}`)
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after awareness states')
  if (kept.length === 0 && dropped.length > 0) return { update: undefined, dropped }
  const out = encoding.createEncoder()
  encoding.writeVarUint(out, kept.length)
  for (const s of kept) {
    encoding.writeVarUint(out, s.clientId)
    encoding.writeVarUint(out, s.clock)
    encoding.writeVarString(out, s.json)
  }
  return { update: encoding.toUint8Array(out), dropped }
}

function checkState(
  clientId: number,
  json: string,
  ownClientId: number,
  maxStateBytes: number,
): string | undefined {
  if (clientId === ownClientId) return 'claims our own client id'
  if (json.length > maxStateBytes) return `state of ${json.length} characters is too large`
  let state: unknown
  try {
    state = JSON.parse(json)
  } catch {
    return 'state is not JSON'
  }
  if (state === null) return undefined
  return presenceStateSchema.safeParse(state).success ? undefined : 'state fails the schema'
}
