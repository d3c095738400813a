import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LanSignaling, lanSignalingUrls, type SignalingServerLike } from '../../main/lan-signaling'
import { SecretStore, type Cipher } from '../../main/secret-store'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-stores-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** A reversible stand-in for safeStorage: XOR with a key, so the file never holds the plain text. */
function xorCipher(isAvailable = true): Cipher {
  const xor = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a))
  return {
    isEncryptionAvailable: () => isAvailable,
    encryptString: (plain) => xor(Buffer.from(plain, 'utf8')),
    decryptString: (encrypted) => xor(encrypted).toString('utf8'),
  }
}

describe('SecretStore', () => {
  it('stores rooms encrypted, readable only through the cipher', async () => {
    const file = join(dir, 'secrets.json')
    const store = new SecretStore({ file, cipher: xorCipher() })
    expect(store.isEncrypted).toBe(true)
    await store.set('s1', { room: 'room-abc', secret: 'hunter2-long-secret' })
    expect(await store.get('s1')).toEqual({ room: 'room-abc', secret: 'hunter2-long-secret' })
    const raw = await readFile(file, 'utf8')
    expect(raw).not.toContain('hunter2')
    expect(raw).toContain('"safeStorage"')
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600)
  })

  it('falls back to an unencrypted entry (and says so) without a keychain', async () => {
    const store = new SecretStore({ file: join(dir, 's.json'), cipher: xorCipher(false) })
    expect(store.isEncrypted).toBe(false)
    await store.set('s1', { room: 'r', secret: 's' })
    expect(await store.get('s1')).toEqual({ room: 'r', secret: 's' })
  })

  it('clears one sprint and keeps the others, even with concurrent writes', async () => {
    const store = new SecretStore({ file: join(dir, 's.json'), cipher: xorCipher() })
    await Promise.all(['a', 'b', 'c'].map((id) => store.set(id, { room: `r-${id}`, secret: 'x' })))
    await store.clear('b')
    expect(await store.get('a')).toEqual({ room: 'r-a', secret: 'x' })
    expect(await store.get('b')).toBeNull()
    expect(await store.get('c')).toEqual({ room: 'r-c', secret: 'x' })
  })

  it('refuses to overwrite a damaged file rather than lose every room', async () => {
    const file = join(dir, 's.json')
    await writeFile(file, '{ not json')
    const store = new SecretStore({ file, cipher: xorCipher() })
    await expect(store.set('a', { room: 'r', secret: 's' })).rejects.toThrow(
      /secrets file is damaged/,
    )
    expect(await readFile(file, 'utf8')).toBe('{ not json')
  })

  it('refuses sprint ids that could name another file', async () => {
    const store = new SecretStore({ file: join(dir, 's.json'), cipher: xorCipher() })
    await expect(store.get('../x')).rejects.toThrow()
  })
})

describe('LAN signaling', () => {
  it('lists external IPv4 addresses, private ranges first', () => {
    const info = (address: string, internal = false) => ({
      address,
      internal,
      family: 'IPv4' as const,
      netmask: '255.255.255.0',
      mac: '00:00:00:00:00:00',
      cidr: null,
    })
    const urls = lanSignalingUrls(
      {
        lo: [info('127.0.0.1', true)],
        eth0: [info('203.0.113.5'), { ...info('fe80::1'), family: 'IPv6' as const, scopeid: 1 }],
        wlan0: [info('192.168.1.20'), info('169.254.3.3')],
      },
      4444,
    )
    expect(urls).toEqual([
      'ws://192.168.1.20:4444',
      'ws://203.0.113.5:4444',
      'ws://169.254.3.3:4444',
    ])
  })

  it('starts one server however often it is asked, and stops it', async () => {
    const events: string[] = []
    const fake = (): SignalingServerLike => ({
      start: async () => (events.push('start'), { port: 5000 }),
      stop: async () => void events.push('stop'),
    })
    const lan = new LanSignaling({ create: fake, interfaces: () => ({}) })
    const [a, b] = await Promise.all([lan.start(), lan.start()])
    expect(a).toEqual({ urls: ['ws://127.0.0.1:5000'] })
    expect(b).toEqual(a)
    await lan.stop()
    await lan.stop()
    expect(events).toEqual(['start', 'stop'])
  })
})
