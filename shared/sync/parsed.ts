/** A parse result: the value, or a message fit to show the user (never containing a secret). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

/** A failed {@link Parsed} with `error`. */
export function fail<T>(error: string): Parsed<T> {
  return { ok: false, error }
}
