import type { Locator, Page } from 'playwright-core'
import { waitFor } from './wait'

/**
 * Watching a live planning session between two app pages from the outside, the way a person
 * does: what the connection indicator says, how many avatars show, and how long an edit typed on
 * one side takes to appear in the other's field. Plain TypeScript, shared by tests and benches.
 */

/** One look at a page's indicator and avatar row. */
export interface Sample {
  at: number
  indicator: string
  people: number
}

interface SamplerWindow {
  __sprintpadSamples?: Sample[]
}

/**
 * Starts recording the page's connection indicator and avatar count every 100 ms, in the page
 * itself (so nothing in between is missed while the test waits). A reload stops it.
 */
export async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as SamplerWindow
    w.__sprintpadSamples = []
    const samples = w.__sprintpadSamples
    setInterval(() => {
      const indicator = document.querySelector('[role="status"][aria-label="Connection"]')
      const people = document.querySelectorAll('[aria-label="People here"] > li').length
      samples.push({ at: Date.now(), indicator: indicator?.textContent ?? '', people })
    }, 100)
  })
}

/** The samples recorded since {@link startSampling}. */
export async function samples(page: Page): Promise<Sample[]> {
  return page.evaluate(() => (window as SamplerWindow).__sprintpadSamples ?? [])
}

/** The samples that do not show `peers` connected peers and `peers + 1` avatars. */
export function offSamples(all: readonly Sample[], peers: number): Sample[] {
  const text = peers === 1 ? '1 peer connected' : `${peers} peers connected`
  return all.filter((s) => !s.indicator.startsWith(text) || s.people !== peers + 1)
}

/**
 * Types `marker` at the end of `from` and waits until `to` (the same item on the other page)
 * contains it. Returns the milliseconds from its last keystroke until it showed there, or
 * `undefined` if it did not within `timeoutMs`.
 */
export async function timeEdit(
  from: Locator,
  to: Locator,
  marker: string,
  timeoutMs = 10_000,
): Promise<number | undefined> {
  await from.click()
  // Control+End: the end of the text, not of the visual line (a long item wraps).
  await from.press('Control+End')
  await from.pressSequentially(marker.slice(0, -1))
  const start = Date.now()
  await from.press(marker.slice(-1))
  try {
    await to.evaluate(
      (el, { marker, timeoutMs }) =>
        new Promise<void>((resolve, reject) => {
          const field = el as HTMLTextAreaElement
          const end = Date.now() + timeoutMs
          const look = (): void => {
            if (field.isConnected && field.value.includes(marker)) resolve()
            else if (Date.now() > end) reject(new Error('not arrived'))
            else requestAnimationFrame(look)
          }
          look()
        }),
      { marker, timeoutMs },
    )
  } catch {
    return undefined
  }
  return Date.now() - start
}

/** The q-quantile (0…1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN
}

/** Waits until the page's indicator says `peers` connected peers. */
export async function waitForPeers(page: Page, peers: number, timeoutMs = 20_000): Promise<void> {
  const text = peers === 1 ? '1 peer connected' : `${peers} peers connected`
  await waitFor(
    `${text}`,
    async () =>
      ((await page.getByRole('status', { name: 'Connection' }).textContent()) ?? '').startsWith(
        text,
      ),
    timeoutMs,
  )
}
