import { originOf } from './app-origin'

/** Longest URL handed to the operating system. */
const MAX_URL_LENGTH = 2048

/**
 * Decides whether a link may be opened in the user's browser or mail client, and returns the
 * normalised URL to open, or `null`. Only `https:` and `mailto:` pass. Refused as look-alikes:
 * credentials before the host (`https://github.com@evil.example`), punycode labels (IDN
 * homographs such as `xn--gthub-…`), hosts that are not plain DNS names, and control characters
 * or whitespace anywhere in the raw string.
 */
export function externalUrlToOpen(raw: string): string | null {
  if (raw.length > MAX_URL_LENGTH || /[\s\p{Cc}]/u.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol === 'mailto:') return isMailto(url) ? url.href : null
  if (url.protocol !== 'https:') return null
  if (url.username !== '' || url.password !== '') return null
  if (!isPlainHost(url.hostname)) return null
  return url.href
}

function isPlainHost(hostname: string): boolean {
  // After URL parsing an IDN host is already punycode, so an `xn--` label catches homographs.
  const labels = hostname.split('.')
  if (labels.length < 2) return false
  return labels.every(
    (label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label) && !label.startsWith('xn--'),
  )
}

function isMailto(url: URL): boolean {
  const address = decodeURIComponentSafe(url.pathname)
  return address !== null && /^[^@\s,;<>"]+@[^@\s,;<>"]+\.[^@\s,;<>"]+$/.test(address)
}

function decodeURIComponentSafe(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/** What to do with a navigation of the app window. */
export type NavigationDecision =
  { action: 'allow' } | { action: 'deny' } | { action: 'openExternal'; url: string }

/**
 * The window only ever shows the app's own origin (plus the dev server in `npm run dev`).
 * Anything else is refused; an allowed external link goes to the browser instead.
 */
export function decideNavigation(
  raw: string,
  allowedOrigins: readonly string[],
): NavigationDecision {
  const origin = originOf(raw)
  if (origin !== null && allowedOrigins.includes(origin)) return { action: 'allow' }
  const external = externalUrlToOpen(raw)
  return external === null ? { action: 'deny' } : { action: 'openExternal', url: external }
}
