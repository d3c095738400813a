import { digest } from 'lib0/hash/sha256'
import { getRandomValues } from 'lib0/webcrypto'
import { encodeUtf8 } from 'lib0/string'
import { decodeBase32, encodeBase32 } from './base32'

/** Fills a new array with `n` cryptographically random bytes. Injected in tests. */
export type RandomBytes = (n: number) => Uint8Array

/** Random bytes from Web Crypto (the browser's, or Node's `webcrypto`). */
export const cryptoRandomBytes: RandomBytes = (n) => getRandomValues(new Uint8Array(n))

/** Length of a room secret in bytes (128 bits). */
export const SECRET_BYTES = 16

/** A shared room: the public id the signaling server sees, and the secret that encrypts it. */
export interface RoomKey {
  /** 32 lower-case hex characters (128 bits), derived from the secret. */
  room: string
  /** 26 lower-case Crockford base32 characters encoding 128 random bits. */
  secret: string
}

/**
 * A new room: a random 128-bit secret and the room id derived from it ({@link roomForSecret}).
 * The secret is y-webrtc's `password`: signaling messages are encrypted with a key derived from
 * it, so a peer without it can neither read the signaling nor open a connection.
 */
export function generateRoom(randomBytes: RandomBytes = cryptoRandomBytes): RoomKey {
  const bytes = randomBytes(SECRET_BYTES)
  if (bytes.length !== SECRET_BYTES) throw new Error(`randomBytes returned ${bytes.length} bytes`)
  const secret = encodeBase32(bytes).toLowerCase()
  return { room: roomForSecret(secret), secret }
}

/**
 * The room id of a secret: the first 128 bits of SHA-256 over a domain-separated copy of it, in
 * hex. One-way, so the id the signaling server sees reveals nothing about the secret; derived, so
 * the short join code needs to carry only the secret.
 */
export function roomForSecret(secret: string): string {
  const hash = digest(encodeUtf8(`sprintpad/room/v1\u0000${secret}`))
  return [...hash.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The secret's 16 bytes if it is one of ours (26 base32 characters), else `undefined`. */
export function secretBytes(secret: string): Uint8Array | undefined {
  return decodeBase32(secret, SECRET_BYTES)
}

/** The canonical secret string of 16 bytes. */
export function secretFromBytes(bytes: Uint8Array): string {
  return encodeBase32(bytes).toLowerCase()
}
