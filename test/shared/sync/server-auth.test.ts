import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import {
  generateRoom,
  isServerDocumentName,
  isServerTokenFor,
  parseServerUrl,
  roomForSecret,
  serverCredentials,
  serverDocumentName,
  serverEndpoints,
  serverToken,
} from '../../../shared/sync'

describe('server credentials', () => {
  it('derives a 256-bit token and a name that is its hash, neither revealing the secret', () => {
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    expect(documentName).toMatch(/^sp1-[0-9a-f]{64}$/)
    expect(documentName).toBe(serverDocumentName(token))
    for (const value of [token, documentName]) {
      expect(value).not.toContain(secret)
      expect(value).not.toContain(room)
    }
    // Deterministic: every laptop with the link derives the same; another room gets another.
    expect(serverCredentials(room, secret)).toEqual({ documentName, token })
    const other = generateRoom()
    expect(serverToken(other.room, other.secret)).not.toBe(token)
  })

  it('separates room and secret unambiguously (no two splits of one string collide)', () => {
    expect(serverToken('ab', 'c')).not.toBe(serverToken('a', 'bc'))
  })

  it('accepts exactly the token whose hash is the name', () => {
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    expect(isServerTokenFor(documentName, token)).toBe(true)
    expect(isServerDocumentName(documentName)).toBe(true)
    const flipped = (token[0] === 'a' ? 'b' : 'a') + token.slice(1)
    expect(isServerTokenFor(documentName, flipped)).toBe(false)
    // The secret or room id itself is not a token.
    expect(isServerTokenFor(documentName, secret)).toBe(false)
    expect(isServerTokenFor(documentName, roomForSecret(secret))).toBe(false)
    expect(isServerTokenFor(documentName.toUpperCase(), token)).toBe(false)
    expect(isServerTokenFor('', '')).toBe(false)
  })

  it('never accepts a random token for a random name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, token) => {
        expect(isServerTokenFor(name, token)).toBe(false)
      }),
    )
  })
})

describe('server addresses', () => {
  it.each([
    ['wss://sprint.example.com', 'wss://sprint.example.com'],
    ['  https://sprint.example.com/  ', 'wss://sprint.example.com'],
    ['http://192.168.1.5:4455', 'ws://192.168.1.5:4455'],
    ['wss://example.com/sprintpad/', 'wss://example.com/sprintpad'],
    ['WSS://Example.COM:443', 'wss://example.com'],
    ['ws://[::1]:4455', 'ws://[::1]:4455'],
  ])('normalises %s', (raw, expected) => {
    expect(parseServerUrl(raw)).toEqual({ ok: true, value: expected })
  })

  it.each([
    ['sprint.example.com', 'not a server address'],
    ['ftp://x', 'starts with wss://'],
    ['wss://u:p@x', 'user name'],
    ['wss://x/?a=1', '“?” or “#”'],
    ['wss://x/#frag', '“?” or “#”'],
    [`wss://${'a'.repeat(300)}.com`, 'too long'],
  ])('refuses %s', (raw, message) => {
    const parsed = parseServerUrl(raw)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toContain(message)
  })

  it('derives the sync and signaling endpoints below the base address', () => {
    expect(serverEndpoints('wss://example.com/sprintpad')).toEqual({
      sync: 'wss://example.com/sprintpad/sync',
      signaling: 'wss://example.com/sprintpad/signaling',
    })
    expect(serverEndpoints('ws://10.0.0.2:4455/')).toEqual({
      sync: 'ws://10.0.0.2:4455/sync',
      signaling: 'ws://10.0.0.2:4455/signaling',
    })
  })
})
