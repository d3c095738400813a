/** Whether the app runs on macOS, where shortcuts use ⌘ rather than Ctrl. */
export const IS_MAC =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' }

/**
 * One key of a shortcut as this platform names it: `Mod` is ⌘ on macOS and Ctrl elsewhere; on
 * macOS Shift, Alt and Ctrl are written ⇧ ⌥ ⌃ too.
 */
export function keyName(key: string, isMac = IS_MAC): string {
  if (isMac) return MAC_SYMBOLS[key] ?? key
  return key === 'Mod' ? 'Ctrl' : key
}

/** A shortcut such as `Mod+Shift+Z` as this platform writes it: `Ctrl+Shift+Z`, or `⌘⇧Z`. */
export function shortcutText(keys: string, isMac = IS_MAC): string {
  const names = keys.split('+').map((k) => keyName(k, isMac))
  return names.join(isMac ? '' : '+')
}
