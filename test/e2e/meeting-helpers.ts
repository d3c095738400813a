import type { Page } from 'playwright-core'

/**
 * Meeting-mode helpers for the end-to-end tests: a page whose clock is off (or moved on by the
 * test), and the countdown as a person reads it.
 */

interface SkewWindow {
  __sprintpadSkewMs?: number
}

/**
 * Makes the page's clock (`Date.now`, what the app reads) run `ms` ahead of the machine's, from
 * the next load on: as a laptop whose clock is off. {@link moveClock} moves it further.
 */
export async function skewClock(page: Page, ms: number): Promise<void> {
  await page.context().addInitScript((skew: number) => {
    const w = window as SkewWindow
    w.__sprintpadSkewMs = skew
    const real = Date.now.bind(Date)
    Date.now = () => real() + (w.__sprintpadSkewMs ?? 0)
  }, ms)
  await page.reload()
}

/** Moves a skewed page's clock on by `ms` (time passing for it alone). */
export async function moveClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((by) => {
    const w = window as SkewWindow
    w.__sprintpadSkewMs = (w.__sprintpadSkewMs ?? 0) + by
  }, ms)
}

/** The meeting bar every peer sees while a meeting runs. */
export function meetingBar(page: Page) {
  return page.getByRole('region', { name: 'Meeting' })
}

/** The countdown of the meeting bar in seconds (negative when over time), as shown. */
export async function countdownSeconds(page: Page): Promise<number> {
  return parseCountdown((await meetingBar(page).getByRole('timer').textContent()) ?? '')
}

/** A countdown's text (`4:32 left`, `+1:05 over`) in seconds, negative when over time. */
export function parseCountdown(text: string): number {
  const m = /^(\+?)(?:(\d+):)?(\d+):(\d\d)/.exec(text.trim())
  if (!m) throw new Error(`not a countdown: ${text}`)
  const s = Number(m[2] ?? 0) * 3600 + Number(m[3]) * 60 + Number(m[4])
  return m[1] === '+' ? -s : s
}

/** The meeting bar's screen-reader announcements (its polite live region). */
export function announcements(page: Page) {
  return meetingBar(page).getByRole('status')
}
