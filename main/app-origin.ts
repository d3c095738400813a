/**
 * The one fixed origin the renderer is served from. IndexedDB (every sprint) belongs to this
 * origin, so it must never change between releases.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'sprintpad'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_URL = `${APP_ORIGIN}/`

/** The scheme registered for `sprintpad://` links. */
export const LINK_SCHEME = 'sprintpad'

/**
 * The origin of a URL, computed by hand: Node's `URL` answers `'null'` for the origin of
 * non-special schemes such as `app:`, while Chromium treats registered standard schemes as
 * tuple origins. Returns `null` for unparsable URLs.
 */
export function originOf(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.host === '') return null
  return `${url.protocol}//${url.host}`
}
