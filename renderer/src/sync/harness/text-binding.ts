import type * as Y from 'yjs'
import type { LatencyLog } from './harness-config'

/**
 * One Y.Text bound to a new textarea (labelled `label`, "Bare text" by default) by hand, no React and no document
 * model: the baseline field of the sync and storage benchmarks. Typing appends at the end (all
 * the benchmarks do), so an input inserts what was added after the current text; a change of the
 * Y.Text writes the field. `log` records when each length was typed and shown.
 */
export function bindTextarea(
  text: Y.Text,
  root: HTMLElement,
  log: LatencyLog,
  label = 'Bare text',
): HTMLTextAreaElement {
  const area = document.createElement('textarea')
  area.setAttribute('aria-label', label)
  root.append(area)
  area.addEventListener('keydown', (e) => {
    if (e.key.length === 1) log.markTyped(area.value.length + 1)
  })
  area.addEventListener('input', () => {
    const cur = text.toString()
    if (area.value.startsWith(cur)) text.insert(cur.length, area.value.slice(cur.length))
  })
  text.observe(() => {
    area.value = text.toString()
    log.markRendered(area.value.length)
  })
  return area
}
