/**
 * A dev/bench-only render counter: with `?renders` in the URL, components count their renders in
 * `window.__sprintpadRenders` so the benchmark can report renders per keystroke. Otherwise a no-op.
 */
interface RenderCounter {
  total: number
  byName: Record<string, number>
}

declare global {
  interface Window {
    __sprintpadRenders?: RenderCounter
  }
}

const isEnabled =
  typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('renders')

if (isEnabled) window.__sprintpadRenders = { total: 0, byName: {} }

export function countRender(name: string): void {
  if (!isEnabled) return
  const c = window.__sprintpadRenders
  if (!c) return
  c.total++
  c.byName[name] = (c.byName[name] ?? 0) + 1
}
