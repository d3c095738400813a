import { originOf } from './app-origin'

/**
 * Permissions the app's own page may have: writing (sanitised) text to the clipboard, used by
 * "Copy Team as GitHub Comment" in the browser fallback. Everything else (camera, microphone,
 * notifications, geolocation, HID, serial, …) and every other origin is denied.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** Whether `permission` is granted to a page at `requestingUrl`. Denied by default. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  trustedOrigins: readonly string[],
): boolean {
  const origin = originOf(requestingUrl)
  return origin !== null && trustedOrigins.includes(origin) && ALLOWED_PERMISSIONS.has(permission)
}
