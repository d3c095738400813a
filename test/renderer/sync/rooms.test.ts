import { describe, expect, it } from 'vitest'
import { parseJoinCode, parseJoinLink, roomForSecret } from '../../../shared/sync'
import {
  details,
  rememberServer,
  rememberSignaling,
  rememberedServer,
  rememberedSignaling,
  shareSprint,
  stopSharing,
  storedRoom,
  type SyncPlatform,
} from '../../../renderer/src/sync/rooms'
import { memoryStorage } from './memory-storage'

/** The platform's room calls, in memory, recording LAN server starts and stops. */
function fakePlatform(canServeLanSignaling: boolean) {
  const rooms = new Map<string, { room: string; secret: string }>()
  const calls: string[] = []
  const platform: SyncPlatform = {
    canServeLanSignaling,
    getRoom: async ({ sprintId }) => rooms.get(sprintId) ?? null,
    setRoom: async ({ sprintId, room, secret }) => void rooms.set(sprintId, { room, secret }),
    clearRoom: async ({ sprintId }) => void rooms.delete(sprintId),
    startLanSignaling: async () => {
      calls.push('start')
      return { urls: ['ws://192.168.1.20:4444'] }
    },
    stopLanSignaling: async () => {
      calls.push('stop')
      return null
    },
  }
  return { platform, rooms, calls }
}

const settings = (extraSignaling: string[], server = '') => ({ extraSignaling, server })

describe('sharing a sprint', () => {
  it('makes a room once, stores it through the platform and reuses it', async () => {
    const { platform, rooms, calls } = fakePlatform(true)
    const storage = memoryStorage()
    const first = await shareSprint(platform, 's1', settings(['wss://team.example.org']), storage)
    expect(rooms.get('s1')).toEqual({ room: first.room, secret: first.secret })
    expect(first.room).toBe(roomForSecret(first.secret))
    expect(first.signaling).toEqual(['ws://192.168.1.20:4444', 'wss://team.example.org'])
    expect(first.isServingLan).toBe(true)
    expect(parseJoinLink(first.link)).toEqual({
      ok: true,
      value: { room: first.room, secret: first.secret, signaling: first.signaling },
    })
    expect(parseJoinCode(first.code ?? '')).toEqual({
      ok: true,
      value: { room: first.room, secret: first.secret, signaling: ['ws://192.168.1.20:4444'] },
    })
    const again = await shareSprint(platform, 's1', settings([]), storage)
    expect(again.secret).toBe(first.secret)
    expect(calls).toEqual(['start', 'start'])
    await stopSharing(platform, 's1')
    expect(rooms.has('s1')).toBe(false)
    expect(calls).toEqual(['start', 'start', 'stop'])
    const fresh = await shareSprint(platform, 's1', settings([]), storage)
    expect(fresh.secret).not.toBe(first.secret)
  })

  it('works without a LAN server (browser) from remembered and configured servers', async () => {
    const { platform, calls } = fakePlatform(false)
    const storage = memoryStorage()
    rememberSignaling('s2', ['ws://10.0.0.9:4444'], storage)
    const share = await shareSprint(platform, 's2', settings(['wss://team.example.org']), storage)
    expect(share.signaling).toEqual(['ws://10.0.0.9:4444', 'wss://team.example.org'])
    expect(share.isServingLan).toBe(false)
    expect(calls).toEqual([])
  })

  it('names the always-on server in the link and code: the sprint’s own, else the settings’', async () => {
    const { platform } = fakePlatform(false)
    const storage = memoryStorage()
    const share = await shareSprint(
      platform,
      's5',
      settings(['wss://team.example.org'], 'wss://sprint.example.org'),
      storage,
    )
    expect(share.server).toBe('wss://sprint.example.org')
    expect(parseJoinLink(share.link)).toMatchObject({
      ok: true,
      value: { server: 'wss://sprint.example.org' },
    })
    expect(parseJoinCode(share.code ?? '')).toMatchObject({
      ok: true,
      value: { server: 'wss://sprint.example.org' },
    })
    rememberServer('s5', 'wss://joined.example.net', storage)
    const joined = await shareSprint(platform, 's5', settings([], 'wss://other.example'), storage)
    expect(joined.server).toBe('wss://joined.example.net')
    storage.setItem('sprintpad.sync.server.s6', 'javascript:alert(1)')
    expect(rememberedServer('s6', storage)).toBe('')
    expect((await shareSprint(platform, 's6', settings([]), storage)).server).toBeUndefined()
  })

  it('ignores junk in stored rooms and remembered signaling', async () => {
    const { platform, rooms } = fakePlatform(false)
    rooms.set('s3', { room: 'x', secret: 'y' })
    expect(await storedRoom(platform, 's3')).toBeUndefined()
    const storage = memoryStorage()
    storage.setItem('sprintpad.sync.signaling.s4', '["javascript:alert(1)"]')
    expect(rememberedSignaling('s4', storage)).toEqual([])
    storage.setItem('sprintpad.sync.signaling.s4', '{')
    expect(rememberedSignaling('s4', storage)).toEqual([])
  })

  it('has no short code for a room not derived from its secret (joined from a foreign link)', () => {
    const d = details({ room: 'r'.repeat(32), secret: 's'.repeat(26), signaling: [] }, false)
    expect(d.code).toBeUndefined()
    expect(d.link).toBe(`sprintpad://join/${'r'.repeat(32)}#${'s'.repeat(26)}`)
  })
})
