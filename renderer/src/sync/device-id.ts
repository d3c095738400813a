const KEY = 'sprintpad.device'
const VALID = /^[A-Za-z0-9_-]{8,64}$/

let fallback: string | undefined

/**
 * This device's presence id (see `device` in the presence schema): random, made once per browser
 * profile or desktop app and kept in localStorage, so a reloaded page is recognised as the same
 * person. Not secret. Where storage is unavailable, one id per page load.
 */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage): string {
  try {
    const stored = storage.getItem(KEY)
    if (stored !== null && VALID.test(stored)) return stored
    const made = randomId()
    storage.setItem(KEY, made)
    return made
  } catch {
    fallback ??= randomId()
    return fallback
  }
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}
