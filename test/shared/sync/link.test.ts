import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import {
  decodeBase32,
  encodeBase32,
  encodeJoinCode,
  encodeJoinLink,
  generateRoom,
  parseJoinCode,
  parseJoinInput,
  parseJoinLink,
  roomForSecret,
  type JoinInfo,
} from '../../../shared/sync'

const fixedBytes = (fill: number) => (n: number) => new Uint8Array(n).fill(fill)

describe('rooms and secrets', () => {
  it('draws 128 random bits for the secret and derives a 128-bit room id from it', () => {
    const a = generateRoom()
    const b = generateRoom()
    expect(a.secret).toMatch(/^[0-9a-z]{26}$/)
    expect(a.room).toMatch(/^[0-9a-f]{32}$/)
    expect(a.secret).not.toBe(b.secret)
    expect(a.room).toBe(roomForSecret(a.secret))
    expect(a.room).not.toContain(a.secret.slice(0, 8))
  })

  it('uses the injected random source and refuses a short one', () => {
    expect(generateRoom(fixedBytes(7))).toEqual(generateRoom(fixedBytes(7)))
    expect(generateRoom(fixedBytes(7)).secret).not.toBe(generateRoom(fixedBytes(8)).secret)
    expect(() => generateRoom(() => new Uint8Array(4))).toThrow('4 bytes')
  })

  it('round-trips any bytes through base32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(decodeBase32(encodeBase32(bytes), bytes.length)).toEqual(bytes)
      }),
    )
    expect(decodeBase32('U000', 2)).toBeUndefined()
    expect(decodeBase32('01', 1)).toBeUndefined() // non-zero padding bits
  })
})

describe('join links', () => {
  const info: JoinInfo = {
    ...generateRoom(),
    signaling: ['ws://192.168.1.23:4444', 'wss://signal.example.org/sprintpad'],
  }

  it('puts the secret in the fragment and round-trips', () => {
    const link = encodeJoinLink(info)
    expect(link.startsWith(`sprintpad://join/${info.room}?s=`)).toBe(true)
    expect(link.endsWith(`#${info.secret}`)).toBe(true)
    expect(link.split('#')[0]).not.toContain(info.secret)
    expect(parseJoinLink(link)).toEqual({ ok: true, value: info })
    expect(parseJoinInput(`  ${link}\n`)).toEqual({ ok: true, value: info })
  })

  it('accepts a link without signaling URLs', () => {
    const link = encodeJoinLink({ ...info, signaling: [] })
    expect(parseJoinLink(link)).toEqual({ ok: true, value: { ...info, signaling: [] } })
  })

  it.each([
    ['https://example.org/join/x#y', 'starts with sprintpad://join/'],
    ['sprintpad://join/short#' + 'a'.repeat(26), 'room id'],
    [`sprintpad://join/${'a'.repeat(32)}`, 'no valid secret'],
    [`sprintpad://join/${'a'.repeat(32)}#short`, 'no valid secret'],
    [`sprintpad://join/${'a'.repeat(32)}?s=javascript:alert(1)#${'b'.repeat(26)}`, 'ws://'],
    [`sprintpad://join/${'a'.repeat(32)}?s=http://x:1#${'b'.repeat(26)}`, 'ws://'],
    [`sprintpad://join/${'a'.repeat(32)}?s=ws://u:p@x:1#${'b'.repeat(26)}`, 'user name'],
    ['not a link at all', 'not a Sprintpad code'],
    ['', 'Paste a join link'],
  ])('refuses %s with a clear message', (text, message) => {
    const parsed = parseJoinInput(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toContain(message)
  })

  it('carries an optional server address after the signaling URLs', () => {
    const withServer = { ...info, server: 'wss://sprint.example.com/team' }
    const link = encodeJoinLink(withServer)
    expect(link).toContain('&server=wss%3A%2F%2Fsprint.example.com%2Fteam#')
    expect(parseJoinLink(link)).toEqual({ ok: true, value: withServer })
    const serverOnly = { ...info, signaling: [], server: 'ws://10.0.0.2:4455' }
    expect(parseJoinLink(encodeJoinLink(serverOnly))).toEqual({ ok: true, value: serverOnly })
  })

  it('reads links made before servers existed, and old readers ignore the server', () => {
    // A link from before: no server key at all, so the value has none.
    const old = `sprintpad://join/${info.room}?s=${encodeURIComponent('ws://10.0.0.7:4444')}#${info.secret}`
    const parsed = parseJoinLink(old)
    expect(parsed).toEqual({ ok: true, value: { ...info, signaling: ['ws://10.0.0.7:4444'] } })
    expect(parsed.ok && 'server' in parsed.value).toBe(false)
    // An old reader only looked at `s`: the new parameter leaves those intact.
    const link = encodeJoinLink({ ...info, server: 'wss://sprint.example.com' })
    expect(new URL(link).searchParams.getAll('s')).toEqual(info.signaling)
  })

  it.each([
    ['server=ftp%3A%2F%2Fx', 'starts with wss://'],
    ['server=wss%3A%2F%2Fa&server=wss%3A%2F%2Fb', 'more than one server'],
  ])('refuses a link whose server is %s', (query, message) => {
    const parsed = parseJoinLink(`sprintpad://join/${info.room}?${query}#${info.secret}`)
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining(message) })
  })

  it('never puts the secret into an error message', () => {
    const secret = generateRoom().secret
    const parsed = parseJoinLink(`sprintpad://join/bad#${secret}`)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).not.toContain(secret)
  })
})

describe('short join codes', () => {
  const room = generateRoom()

  it('carries the secret and the first IPv4 signaling address, grouped by four', () => {
    const info = { ...room, signaling: ['wss://team.example.org', 'ws://10.0.0.7:4444'] }
    const code = encodeJoinCode(info)
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/)
    expect(code.replace(/-/g, '')).toHaveLength(37)
    expect(parseJoinCode(code)).toEqual({
      ok: true,
      value: { ...room, signaling: ['ws://10.0.0.7:4444'] },
    })
  })

  it('is shorter without an address and forgives case, spaces and O/0, I/L/1', () => {
    const code = encodeJoinCode({ ...room, signaling: [] })
    expect(code.replace(/-/g, '')).toHaveLength(28)
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')
    expect(parseJoinInput(sloppy)).toEqual({ ok: true, value: { ...room, signaling: [] } })
  })

  it('detects a typo through its check character', () => {
    const code = encodeJoinCode({ ...room, signaling: ['ws://192.168.0.2:4444'] })
    const i = 3
    const typo = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1)
    const parsed = parseJoinCode(typo)
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('typo') })
  })

  it.each([
    ['wss://sprint.example.com', []],
    ['wss://sprint.example.com', ['ws://10.0.0.7:4444']],
    ['ws://10.1.2.3:4455', []],
    ['ws://10.1.2.3:4455', ['ws://192.168.0.2:4444']],
    ['wss://a.io', []],
    ['ws://srv', []],
    ['wss://example.com:8443/sprintpad', ['ws://10.0.0.7:4444']],
  ])('carries the server %s (LAN signaling %j) and reads it back', (server, signaling) => {
    const info = { ...room, signaling, server }
    const code = encodeJoinCode(info)
    const length = code.replace(/-/g, '').length
    // Never the length of a code without server (28 or 37), which older versions read.
    expect([28, 37]).not.toContain(length)
    expect(parseJoinCode(code)).toEqual({ ok: true, value: info })
  })

  it('leaves a too-long server address out of the code (the link still carries it)', () => {
    const server = `wss://${'a'.repeat(70)}.example.com`
    const code = encodeJoinCode({ ...room, signaling: [], server })
    expect(parseJoinCode(code)).toEqual({ ok: true, value: { ...room, signaling: [] } })
  })

  it('detects a typo in a code with a server', () => {
    const code = encodeJoinCode({ ...room, signaling: [], server: 'wss://sprint.example.com' })
    const i = code.length - 6
    const typo = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1)
    expect(parseJoinCode(typo)).toEqual({ ok: false, error: expect.stringContaining('typo') })
  })

  it('only exists for rooms whose id derives from the secret', () => {
    expect(() =>
      encodeJoinCode({ room: 'a'.repeat(32), secret: room.secret, signaling: [] }),
    ).toThrow()
  })
})
