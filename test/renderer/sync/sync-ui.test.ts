import { describe, expect, it } from 'vitest'
import type { Peer } from '../../../shared/sync'
import { describeStatus } from '../../../renderer/src/sync/ConnectionIndicator'
import { editorsOf } from '../../../renderer/src/sync/ItemEditors'
import { initials } from '../../../renderer/src/sync/PresenceBar'
import { presentMembers } from '../../../renderer/src/sync/TeamPresence'
import type { SyncStatus } from '../../../renderer/src/sync/sync-session'

const status = (s: Partial<SyncStatus>): SyncStatus => ({
  peers: 0,
  pending: undefined,
  server: undefined,
  signalingConnected: 1,
  signalingTotal: 1,
  isOnline: true,
  rejected: 0,
  ...s,
})

const peer = (
  clientId: number,
  name: string,
  handle: string,
  editing: string | null,
  isSelf = false,
): Peer => ({
  clientId,
  isSelf,
  editing,
  user: { name, handle, color: '#123456' },
})

describe('connection indicator', () => {
  it.each([
    [undefined, 'Not shared — saved on this device'],
    [status({ isOnline: false, peers: 3 }), 'Offline — still saving on this device'],
    [status({ peers: 1 }), '1 peer connected'],
    [status({ peers: 4 }), '4 peers connected'],
    [status({ peers: 2, signalingConnected: 0 }), '2 peers connected · signaling unreachable'],
    [status({}), 'Waiting for others to join'],
    [status({ pending: 'connecting' }), 'Connecting to others…'],
    [status({ pending: 'reconnecting' }), 'Reconnecting — edits are saved here meanwhile'],
    [status({ pending: 'reconnecting', peers: 1 }), '1 peer connected'],
    [
      status({ peers: 2, server: { connection: 'connected', isSaved: true } }),
      '2 peers connected · saved on the server',
    ],
    [
      status({
        peers: 1,
        signalingConnected: 0,
        server: { connection: 'connected', isSaved: true },
      }),
      '1 peer connected · saved on the server',
    ],
    [
      status({ server: { connection: 'connected', isSaved: false } }),
      'Nobody else here now · saving to the server…',
    ],
    [
      status({ server: { connection: 'offline', isSaved: false } }),
      'Nobody else here now · only on this laptop: server unreachable',
    ],
    [
      status({ peers: 1, server: { connection: 'refused', isSaved: false } }),
      '1 peer connected · the server refused this sprint',
    ],
    [
      status({ isOnline: false, server: { connection: 'offline', isSaved: false } }),
      'Offline — saving on this device; the server gets it later',
    ],
    [status({ signalingConnected: 0 }), 'Signaling unreachable — saving on this device'],
    [
      status({ signalingConnected: 0, signalingTotal: 0 }),
      'No signaling server set — add one in settings',
    ],
  ])('%o reads “%s”', (s, text) => {
    expect(describeStatus(s).text).toBe(text)
  })
})

describe('presence helpers', () => {
  const peers = [
    peer(1, 'Me', 'me', 'item-1', true),
    peer(2, 'Ada Lovelace', 'Ada', 'item-1'),
    peer(3, 'Bob', '', 'item-2'),
  ]

  it('lists the others editing an item, never me', () => {
    expect(editorsOf(peers, 'item-1').map((p) => p.clientId)).toEqual([2])
    expect(editorsOf(peers, 'item-3')).toEqual([])
  })

  it('finds team members present by handle, ignoring case and @', () => {
    expect(presentMembers(peers, ['@ada', 'carl']).map((p) => p.clientId)).toEqual([2])
    expect(presentMembers(peers, [''])).toEqual([])
  })

  it('makes initials from names, emoji included', () => {
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('bob')).toBe('B')
    expect(initials('😀 Smile')).toBe('😀S')
    expect(initials('  ')).toBe('?')
  })
})
