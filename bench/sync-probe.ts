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
 * For every field (textarea) matching the selector, keyed by its `keyAttr` attribute (`''` for
 * all, when the selector matches one field), three kinds of marks:
 * - `typed`: on every printable `keydown` in it (capture phase, before the app sees it), the
 *   length the text will have once the key is applied (typing appends at the end) and the time.
 * - `written`: the page assigned the field's value (both the app, in its Y.Text observer, and the
 *   bare page write \`el.value\`, which no MutationObserver sees): the instance's value setter is
 *   wrapped, over React's own value tracker if there is one.
 * - `framed`: the first animation frame whose callback reads the new length, i.e. the frame that
 *   paints it (its style, layout and paint follow the callback).
 * The frame loop also finds fields again if they are re-created, and hooks the new ones. A page
 * can type into some fields and receive others.
 */
const FIELD_PROBE = `(selector, keyAttr) => {
  const now = () => performance.timeOrigin + performance.now()
  const typed = {}
  const written = {}
  const framed = {}
  const keyOf = (el) => (keyAttr ? el.getAttribute(keyAttr) ?? '' : '')
  const mark = (store, el, length) => (store[keyOf(el)] ??= []).push([length, now()])
  document.addEventListener('keydown', (e) => {
    const el = e.target
    if (e.key.length !== 1 || !(el instanceof HTMLTextAreaElement) || !el.matches(selector)) return
    mark(typed, el, el.value.length + 1)
  }, true)
  const hooked = new WeakSet()
  const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')
  const last = new Map()
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
        mark(written, this, String(v).length)
      },
    })
  }
  const tick = () => {
    for (const el of document.querySelectorAll(selector)) {
      hook(el)
      const n = el.value.length
      if (n !== last.get(keyOf(el))) mark(framed, el, n)
      last.set(keyOf(el), n)
    }
    if (running) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  window.__syncBench = { typed, written, framed, stop: () => { running = false } }
}`

/** Every field's marks, by key. */
export interface FieldMarks {
  typed: Record<string, Marks>
  written: Record<string, Marks>
  framed: Record<string, Marks>
}

interface ProbeWindow {
  __syncBench: FieldMarks & { stop: () => void }
}

/**
 * Starts recording the marks of the fields matching `selector` in the page (see FIELD_PROBE),
 * keyed by their `keyAttr` attribute, or all under the key `''` when none is given.
 */
export async function probeFields(page: Page, selector: string, keyAttr = ''): Promise<void> {
  await page.evaluate(`(${FIELD_PROBE})(${JSON.stringify(selector)}, ${JSON.stringify(keyAttr)})`)
}

/** The typist's marks of one field. */
export async function typedMarks(page: Page, key = ''): Promise<Marks> {
  return page.evaluate((k) => (window as unknown as ProbeWindow).__syncBench.typed[k] ?? [], key)
}

/** The receiver's marks of one field; stops its frame loop. */
export async function shownMarks(page: Page, key = ''): Promise<{ written: Marks; framed: Marks }> {
  return page.evaluate((k) => {
    const probe = (window as unknown as ProbeWindow).__syncBench
    probe.stop()
    return { written: probe.written[k] ?? [], framed: probe.framed[k] ?? [] }
  }, key)
}

/** Every mark of every field; stops the frame loop. */
export async function allMarks(page: Page): Promise<FieldMarks> {
  return page.evaluate(() => {
    const { typed, written, framed, stop } = (window as unknown as ProbeWindow).__syncBench
    stop()
    return { typed, written, framed }
  })
}

/** The last length the frame loop saw in one field (-1 before any). */
export async function lastFramedLength(page: Page, key = ''): Promise<number> {
  return page.evaluate(
    (k) => (window as unknown as ProbeWindow).__syncBench.framed[k]?.at(-1)?.[0] ?? -1,
    key,
  )
}

/** The last length the frame loop saw in each field, by key. */
export async function framedLengths(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      Object.entries((window as unknown as ProbeWindow).__syncBench.framed).map(([k, m]) => [
        k,
        m.at(-1)?.[0] ?? -1,
      ]),
    ),
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
