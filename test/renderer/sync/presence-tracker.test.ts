import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import {
  HEARTBEAT_MS,
  PRESENCE_TIMEOUT_MS,
  PresenceTracker,
} from '../../../renderer/src/sync/presence-tracker'

const user = (name: string) => ({ name, color: '#123456', handle: name.toLowerCase() })
const made: Awareness[] = []

function awareness(state: Record<string, unknown> | null): Awareness {
  const a = new Awareness(new Y.Doc())
  a.setLocalState(state)
  made.push(a)
  return a
}

/** Delivers `from`'s own state to `to`, as a y-webrtc message would. */
function deliver(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'remote')
}

afterEach(() => {
  for (const a of made.splice(0)) a.destroy()
})

describe('PresenceTracker', () => {
  it('re-publishes my presence once a heartbeat is due, not before', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const tracker = new PresenceTracker(me, 'device-ana')
    const sent: number[] = []
    me.on('update', () => sent.push(me.meta.get(me.clientID)?.clock ?? -1))
    const last = me.meta.get(me.clientID)?.lastUpdated ?? 0
    tracker.tick(last + HEARTBEAT_MS - 1)
    expect(sent).toEqual([])
    tracker.tick(last + HEARTBEAT_MS)
    expect(sent).toHaveLength(1)
    // Each heartbeat carries my clock, for the others to read (meeting timers).
    expect((me.getLocalState() as { clock?: number }).clock).toBe(last + HEARTBEAT_MS)
  })

  it('takes a silent remote presence off quietly, and brings it back when it is heard of again', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const dan = awareness({ user: user('Dan'), editing: 'item-1', device: 'device-dan' })
    const tracker = new PresenceTracker(me, 'device-ana')
    deliver(dan, me)
    tracker.refresh()
    expect(tracker.peers.map((p) => p.user.name)).toEqual(['Ana', 'Dan'])
    const broadcast: unknown[] = []
    me.on('update', (e: unknown, origin: unknown) => {
      if (origin !== 'local') broadcast.push(e)
    })
    const heard = me.meta.get(dan.clientID)?.lastUpdated ?? 0
    tracker.tick(heard + PRESENCE_TIMEOUT_MS - 1)
    expect(tracker.refresh()).toBe(false)
    tracker.tick(heard + PRESENCE_TIMEOUT_MS)
    expect(tracker.refresh()).toBe(true)
    expect(tracker.peers.map((p) => p.user.name)).toEqual(['Ana'])
    // Nothing told the others (each peer judges its own links).
    expect(broadcast).toEqual([])
    // A late copy of the same state does not bring it back; news does.
    deliver(dan, me)
    expect(tracker.refresh()).toBe(false)
    dan.setLocalStateField('editing', null)
    deliver(dan, me)
    expect(tracker.refresh()).toBe(true)
    expect(tracker.peers.map((p) => p.user.name)).toEqual(['Ana', 'Dan'])
  })

  it('leaves states of peers that do not heartbeat (no device) to y-protocols’ own timeout', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const old = awareness({ user: user('Old'), editing: null })
    const tracker = new PresenceTracker(me, 'device-ana')
    deliver(old, me)
    tracker.tick(Date.now() + PRESENCE_TIMEOUT_MS * 2)
    tracker.refresh()
    expect(tracker.peers.map((p) => p.user.name)).toEqual(['Ana', 'Old'])
  })

  it('shows one avatar per device: the newest state, and on my own device only mine', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const ghostOfMe = awareness({ user: user('Ana'), editing: 'item-9', device: 'device-ana' })
    const danBefore = awareness({ user: user('Dan'), editing: 'item-1', device: 'device-dan' })
    const danNow = awareness({ user: user('Dan'), editing: null, device: 'device-dan' })
    const tracker = new PresenceTracker(me, 'device-ana')
    deliver(ghostOfMe, me)
    deliver(danBefore, me)
    deliver(danNow, me)
    // Same arrival millisecond is possible: make the earlier load older, as it is in life.
    const meta = me.meta.get(danBefore.clientID)
    if (meta) meta.lastUpdated -= 1000
    tracker.refresh()
    expect(tracker.peers.map((p) => [p.user.name, p.clientId, p.editing])).toEqual([
      ['Ana', me.clientID, null],
      ['Dan', danNow.clientID, null],
    ])
  })

  it('takes off at once the presence of a peer whose WebRTC link closed', () => {
    const me = awareness({ user: user('Ana'), editing: null, device: 'device-ana' })
    const dan = awareness({ user: user('Dan'), editing: null, device: 'device-dan', peer: 'p-dan' })
    const bob = awareness({ user: user('Bob'), editing: null, device: 'device-bob', peer: 'p-bob' })
    const tracker = new PresenceTracker(me, 'device-ana')
    deliver(dan, me)
    deliver(bob, me)
    tracker.linksClosed(['p-dan', 'p-unknown'])
    tracker.refresh()
    expect(tracker.peers.map((p) => p.user.name)).toEqual(['Ana', 'Bob'])
  })
})
