import type { Page } from 'playwright-core'

/**
 * In-page instrumentation for the sync benchmark, added from outside with `page.evaluate`, so the
 * app and the bare baseline are measured the same way and the renderer carries no bench code.
 * Every clock is `performance.timeOrigin + performance.now()` in the page that saw the event.
 *
 * The scripts are plain JavaScript text, so the TypeScript loader's helpers never leak into the
 * page (see renderer.bench.ts).
 */

/** `[text length, time]` pairs, in the order the page recorded them. */
export type Marks = [number, number][]

/**
 * Typist: on every printable `keydown` in the field (capture phase, before the app sees it),
 * the length the text will have once the key is applied (typing appends at the end) and the time.
 */
const TYPIST_PROBE = `(selector) => {
  const typed = []
  window.__syncBench = { typed }
  document.addEventListener('keydown', (e) => {
    const el = e.target
    if (e.key.length !== 1 || !(el instanceof HTMLTextAreaElement) || !el.matches(selector)) return
    typed.push([el.value.length + 1, performance.timeOrigin + performance.now()])
  }, true)
}`

/**
 * Receiver: two marks for each length the field shows.
 * - `written`: the page assigned the field's value (both the app, in its Y.Text observer, and the
 *   bare page write \`el.value\`, which no MutationObserver sees): the instance's value setter is
 *   wrapped, over React's own value tracker if there is one.
 * - `framed`: the first animation frame whose callback reads the new length, i.e. the frame that
 *   paints it (its style, layout and paint follow the callback).
 * The frame loop also finds the field again if it is re-created, and hooks the new one.
 */
const RECEIVER_PROBE = `(selector) => {
  const now = () => performance.timeOrigin + performance.now()
  const written = []
  const framed = []
  const hooked = new WeakSet()
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')
  let last = -1
  let running = true
  const hook = (el) => {
    if (hooked.has(el)) return
    hooked.add(el)
    const inner = Object.getOwnPropertyDescriptor(el, 'value') ?? proto
    Object.defineProperty(el, 'value', {
      configurable: true,
      get() { return inner.get.call(this) },
      set(v) {
        inner.set.call(this, v)
        written.push([String(v).length, now()])
      },
    })
  }
  const tick = () => {
    const el = document.querySelector(selector)
    if (el) {
      hook(el)
      const n = el.value.length
      if (n !== last) framed.push([n, now()])
      last = n
    }
    if (running) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  window.__syncBench = { written, framed, stop: () => { running = false } }
}`

interface ProbeWindow {
  __syncBench: { typed: Marks; written: Marks; framed: Marks; stop: () => void }
}

export async function probeTypist(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(${TYPIST_PROBE})(${JSON.stringify(selector)})`)
}

export async function probeReceiver(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(${RECEIVER_PROBE})(${JSON.stringify(selector)})`)
}

export async function typedMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__syncBench.typed)
}

/** The receiver's marks; stops its frame loop. */
export async function shownMarks(page: Page): Promise<{ written: Marks; framed: Marks }> {
  return page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__syncBench
    probe.stop()
    return { written: probe.written, framed: probe.framed }
  })
}

/** The last length the receiver's frame loop saw. */
export async function lastFramedLength(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as ProbeWindow).__syncBench.framed.at(-1)?.[0] ?? -1,
  )
}

export interface Latencies {
  /** Keystroke → shown, ms, ascending; one per keystroke per receiver. */
  sorted: number[]
  /**
   * Keystrokes first shown together with a later one (the field went from n to n + k, k > 1):
   * they count with the time of that change, which is when they appeared. Several updates can be
   * applied in one Yjs transaction (an update that arrives before the one it follows waits for
   * it: with y-webrtc every peer relays every update, so a relayed copy can overtake the direct
   * one), and several writes can land between two frames.
   */
  merged: number
}

/**
 * Pairs each keystroke's time with the first time a receiver showed a length at least that long,
 * for keystrokes that took the text from `start` to `start + edits` characters.
 */
export function latencies(typed: Marks, shown: Marks[], start: number, edits: number): Latencies {
  const typedAt = new Map(typed)
  const out: number[] = []
  let merged = 0
  for (const marks of shown) {
    let seen = start
    for (const [length, at] of marks) {
      for (let k = seen + 1; k <= Math.min(length, start + edits); k++) {
        const t = typedAt.get(k)
        if (t === undefined) continue
        out.push(at - t)
        if (k < length) merged++
      }
      seen = Math.max(seen, length)
    }
  }
  return { sorted: out.sort((a, b) => a - b), merged }
}

/**
 * How far the page's clock is from this process's (ms, positive = page ahead), from the round
 * trip with the least delay; its error is at most half that round trip.
 */
export async function clockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity }
  for (let i = 0; i < 20; i++) {
    const t0 = performance.timeOrigin + performance.now()
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now())
    const t1 = performance.timeOrigin + performance.now()
    if (t1 - t0 < best.rtt) best = { offset: inPage - (t0 + t1) / 2, rtt: t1 - t0 }
  }
  return best
}
