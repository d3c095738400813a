import { getRandomValues } from 'lib0/webcrypto'

/** Random words drawn at once: one call to the system's random source serves many ids. */
const pool = new Uint32Array(512)
let next = pool.length

function uint32(): number {
  if (next >= pool.length) {
    getRandomValues(pool)
    next = 0
  }
  return pool[next++] as number
}

/**
 * A new random id: 16 lowercase base-36 characters from 2 × 32 random bits (~64 bits). Collisions
 * between peers are negligible for items and teams of one sprint. Tests pass ids explicitly to be
 * replayable from a seed.
 */
export function newId(): string {
  const part = (): string => uint32().toString(36).padStart(7, '0')
  return (part() + part()).slice(0, 14)
}
