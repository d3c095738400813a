import * as random from 'lib0/random'

/**
 * A new random id: 16 lowercase base-36 characters from 2 × 32 random bits (~64 bits). Collisions
 * between peers are negligible for items and teams of one sprint. Tests pass ids explicitly to be
 * replayable from a seed.
 */
export function newId(): string {
  const part = (): string => random.uint32().toString(36).padStart(7, '0')
  return (part() + part()).slice(0, 14)
}
