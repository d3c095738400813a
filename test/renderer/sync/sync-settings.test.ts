import { describe, expect, it } from 'vitest'
import {
  SettingsStore,
  loadSettings,
  validateSettings,
} from '../../../renderer/src/sync/sync-settings'
import { memoryStorage } from './memory-storage'

const input = {
  name: 'Ada',
  color: '#e5484d',
  handle: '@ada-l',
  signaling: 'wss://signal.example.org\n\nws://10.0.0.2:4444',
  ice: 'stun:stun.example.org:3478\nturn:turn.example.org:3478 ada s3cret',
  server: ' https://sprint.example.org/team/ ',
}

describe('sync settings', () => {
  it('default to no ICE servers and no extra signaling', () => {
    const s = loadSettings(memoryStorage())
    expect(s.iceServers).toEqual([])
    expect(s.extraSignaling).toEqual([])
    expect(s.user.color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('validate and normalise what the user typed', () => {
    expect(validateSettings(input)).toEqual({
      ok: true,
      value: {
        user: { name: 'Ada', color: '#e5484d', handle: 'ada-l' },
        extraSignaling: ['wss://signal.example.org', 'ws://10.0.0.2:4444'],
        iceServers: [
          { urls: 'stun:stun.example.org:3478' },
          { urls: 'turn:turn.example.org:3478', username: 'ada', credential: 's3cret' },
        ],
        server: 'wss://sprint.example.org/team',
      },
    })
  })

  it('explain every bad field', () => {
    const check = validateSettings({
      name: ' ',
      color: 'red',
      handle: '-x-',
      signaling: 'http://example.org',
      ice: 'https://stun.example.org',
      server: 'ftp://sprint.example.org',
    })
    expect(check.ok).toBe(false)
    if (!check.ok)
      expect(Object.keys(check.errors).sort()).toEqual([
        'color',
        'handle',
        'ice',
        'name',
        'server',
        'signaling',
      ])
  })

  it('survive corrupt storage and persist what is saved', () => {
    const storage = memoryStorage()
    storage.setItem('sprintpad.sync.settings', '{"user":{"name":42}}')
    expect(loadSettings(storage).user.name).toBe('Guest')
    storage.setItem('sprintpad.sync.settings', 'not json')
    expect(loadSettings(storage).user.name).toBe('Guest')
    // Settings saved before there were servers keep everything, with no server.
    const before = {
      user: { name: 'Old', color: '#123456', handle: '' },
      extraSignaling: [],
      iceServers: [],
    }
    storage.setItem('sprintpad.sync.settings', JSON.stringify(before))
    expect(loadSettings(storage)).toEqual({ ...before, server: '' })
    const store = new SettingsStore(storage)
    let changes = 0
    store.store.subscribe(() => changes++)
    const check = validateSettings(input)
    if (!check.ok) throw new Error('valid input')
    store.save(check.value)
    expect(changes).toBe(1)
    expect(new SettingsStore(storage).store.getSnapshot()).toEqual(check.value)
  })
})
