import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { ClockSync } from '../../../renderer/src/sync/clock-sync'
import { HEARTBEAT_MS, PresenceTracker } from '../../../renderer/src/sync/presence-tracker'

const made: Awareness[] = []
const user = (name: string) => ({ name, color: '#123456', handle: name.toLowerCase() })
const FIVE_MIN = 5 * 60_000

function awareness(state: Record<string, unknown>): Awareness {
  const a = new Awareness(new Y.Doc())
  a.setLocalState(state)
  made.push(a)
  return a
}

function deliver(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')
}

afterEach(() => {
  for (const a of made.splice(0)) a.destroy()
})

describe('ClockSync', () => {
  it('estimates a clock five minutes ahead from the heartbeats that carry it', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const ben = awareness({ user: user('Ben'), editing: null, device: 'device-ben' })
    const sync = new ClockSync(me)
    let notified = 0
    sync.store.subscribe(() => notified++)
    // Ben's laptop runs five minutes ahead: its heartbeats say so.
    const benTracker = new PresenceTracker(ben, 'device-ben')
    for (let i = 1; i <= 3; i++) {
      benTracker.tick(Date.now() + FIVE_MIN + i * HEARTBEAT_MS)
      deliver(ben, me)
    }
    const offset = sync.store.getSnapshot().get('device-ben') ?? NaN
    expect(Math.abs(offset - FIVE_MIN - 3 * HEARTBEAT_MS)).toBeLessThan(100)
    expect(notified).toBeGreaterThanOrEqual(1)
    // A state re-sent with an old stamp (an edit between heartbeats) cannot drag it down.
    ben.setLocalStateField('editing', 'item-1')
    deliver(ben, me)
    expect(sync.store.getSnapshot().get('device-ben')).toBe(offset)
    // Ben leaves: what we know of his clock stays (a timer he started is still read on it).
    removeAwarenessStates(ben, [ben.clientID], 'local')
    deliver(ben, me)
    expect(sync.store.getSnapshot().get('device-ben')).toBe(offset)
    sync.destroy()
  })

  it('ignores my own state, states with no clock or no device, and unchanged estimates', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana', clock: 1 })
    const old = awareness({ user: user('Old'), editing: null, clock: Date.now() + FIVE_MIN })
    const quiet = awareness({ user: user('Qui'), editing: null, device: 'device-qui' })
    const sync = new ClockSync(me)
    deliver(old, me)
    deliver(quiet, me)
    me.setLocalStateField('clock', Date.now() + 1000)
    expect(sync.store.getSnapshot().size).toBe(0)
    const snapshot = sync.store.getSnapshot()
    quiet.setLocalStateField('clock', Date.now())
    deliver(quiet, me)
    const first = sync.store.getSnapshot()
    expect(first).not.toBe(snapshot)
    quiet.setLocalStateField('clock', Date.now())
    deliver(quiet, me)
    // Within a few ms of the last estimate: the same snapshot, no render.
    expect(sync.store.getSnapshot()).toBe(first)
    sync.destroy()
  })
})
