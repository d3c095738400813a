/**
 * Crockford's base32 (digits and upper-case letters without I, L, O, U): easy to read aloud and
 * to type, case-insensitive, and tolerant of the usual confusions (O→0, I/L→1) when decoding.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Encodes bytes as Crockford base32 (upper case, no padding; the last char may hold 0 bits). */
export function encodeBase32(bytes: Uint8Array): string {
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
    buffer &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31]
  return out
}

/**
 * Decodes Crockford base32 into exactly `byteLength` bytes, or `undefined` if a character is not
 * in the alphabet, the length does not match, or the padding bits are not zero. Case-insensitive;
 * `O` reads as `0`, `I` and `L` as `1`.
 */
export function decodeBase32(text: string, byteLength: number): Uint8Array | undefined {
  if (text.length !== Math.ceil((byteLength * 8) / 5)) return undefined
  const out = new Uint8Array(byteLength)
  let buffer = 0
  let bits = 0
  let i = 0
  for (const ch of text.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1')) {
    const value = ALPHABET.indexOf(ch)
    if (value < 0) return undefined
    buffer = ((buffer << 5) | value) & 0xffff
    bits += 5
    if (bits >= 8) {
      if (i < byteLength) out[i++] = (buffer >>> (bits - 8)) & 0xff
      bits -= 8
    }
  }
  if ((buffer & ((1 << bits) - 1)) !== 0) return undefined
  return out
}
