import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { memoryStorage } from './memory-storage'
import type { SyncSettings } from '../../../renderer/src/sync/sync-settings'
import type { SyncPlatform } from '../../../renderer/src/sync/rooms'

/** Every session the SprintSync under test opened, with what it connected through. */
const sessions: { signaling: string[]; iceServers: unknown[]; destroyed: boolean }[] = []

// The real session opens y-webrtc (a browser's WebRTC); here a record of what was opened.
vi.mock('../../../renderer/src/sync/sync-session', () => ({
  SyncSession: class {
    private readonly record: (typeof sessions)[number]
    constructor(_doc: unknown, opts: { signaling: string[]; iceServers: unknown[] }) {
      this.record = {
        signaling: [...opts.signaling],
        iceServers: [...opts.iceServers],
        destroyed: false,
      }
      sessions.push(this.record)
    }
    setUser(): void {}
    destroy(): Promise<void> {
      this.record.destroyed = true
      return Promise.resolve()
    }
  },
}))

const { SprintSync } = await import('../../../renderer/src/sync/sprint-sync')

function platform(): SyncPlatform {
  const rooms = new Map<string, { room: string; secret: string }>()
  // Each call takes a moment, as IPC to main does: room for operations to interleave.
  const later = <T>(v: T): Promise<T> => new Promise((r) => setTimeout(() => r(v), 5))
  return {
    canServeLanSignaling: false,
    getRoom: ({ sprintId }) => later(rooms.get(sprintId) ?? null),
    setRoom: ({ sprintId, room, secret }) => later(void rooms.set(sprintId, { room, secret })),
    clearRoom: ({ sprintId }) => later(void rooms.delete(sprintId)),
    startLanSignaling: () => later({ urls: [] }),
    stopLanSignaling: () => later(null),
  }
}

const user = { name: 'Ana', color: '#5b5bd6', handle: 'ana' }

describe('SprintSync and the settings', () => {
  beforeEach(() => {
    sessions.length = 0
    vi.stubGlobal('localStorage', memoryStorage())
  })
  afterEach(() => vi.unstubAllGlobals())

  it('reconnects a live sprint through newly saved servers, and only for servers', async () => {
    let settings: SyncSettings = {
      user,
      extraSignaling: ['ws://a.test:1'],
      iceServers: [],
      server: '',
    }
    const sync = new SprintSync('s1', new Y.Doc(), platform(), () => settings)
    await sync.share()
    expect(sessions.map((s) => s.signaling)).toEqual([['ws://a.test:1']])
    settings = { ...settings, user: { ...user, name: 'Ana L.' } }
    await sync.settingsChanged()
    expect(sessions).toHaveLength(1)
    settings = { ...settings, extraSignaling: ['ws://b.test:2'] }
    await sync.settingsChanged()
    expect(sessions.map((s) => [s.signaling, s.destroyed])).toEqual([
      [['ws://a.test:1'], true],
      [['ws://b.test:2'], false],
    ])
    expect(sync.store.getSnapshot().share?.link).toContain(encodeURIComponent('ws://b.test:2'))
    sync.destroy()
  })

  it('never leaves two sessions open when saves, Leave and Share overlap', async () => {
    let settings: SyncSettings = {
      user,
      extraSignaling: ['ws://a.test:1'],
      iceServers: [],
      server: '',
    }
    const sync = new SprintSync('s2', new Y.Doc(), platform(), () => settings)
    const share = sync.share()
    // Saved while the first connection is still starting: applied once it is up.
    settings = { ...settings, extraSignaling: ['ws://b.test:2'] }
    const saved = sync.settingsChanged()
    const again = sync.settingsChanged()
    await Promise.all([share, saved, again])
    expect(sessions.filter((s) => !s.destroyed).map((s) => s.signaling)).toEqual([
      ['ws://b.test:2'],
    ])
    // Leave and a save at once: left, nothing open.
    settings = { ...settings, extraSignaling: ['ws://c.test:3'] }
    await Promise.all([sync.leave(), sync.settingsChanged()])
    expect(sync.store.getSnapshot().phase).toBe('left')
    expect(sessions.filter((s) => !s.destroyed)).toEqual([])
    sync.destroy()
  })
})
