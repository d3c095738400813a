const REGION_ID = 'sr-announcer'

/** Id of the polite live region {@link announce} writes to (rendered by the sprint view). */
export const ANNOUNCER_ID = REGION_ID

/**
 * Tells screen reader users what a keyboard action did (an item moved to another section). The
 * text is cleared first so the same message twice is announced twice.
 */
export function announce(message: string): void {
  const region = document.getElementById(REGION_ID)
  if (!region) return
  region.textContent = ''
  requestAnimationFrame(() => {
    region.textContent = message
  })
}
