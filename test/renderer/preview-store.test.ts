import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createPreviewStore } from '../../renderer/src/export/usePreview'

/** The preview's text: here simply the doc's one text, counted each time it is computed. */
function setup(): { doc: Y.Doc; text: Y.Text; computed: () => number; changes: () => number } {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  let computed = 0
  let changes = 0
  const store = createPreviewStore(doc, (d) => {
    computed++
    return d.getText('t').toString()
  })
  store.subscribe(() => changes++)
  return { doc, text, computed: () => computed, changes: () => changes }
}

describe('the export preview store', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('recomputes once after a burst of updates, when they settle', () => {
    const { text, computed, changes } = setup()
    for (let i = 0; i < 10; i++) {
      text.insert(text.length, 'x')
      vi.advanceTimersByTime(50)
    }
    expect(computed()).toBe(0)
    vi.advanceTimersByTime(200)
    expect(computed()).toBe(1)
    expect(changes()).toBe(1)
  })

  it('still recomputes about once a second while updates never pause', () => {
    const { text, computed } = setup()
    // An update every 50 ms for 5 s: never the 120 ms of quiet the preview waits for.
    for (let i = 0; i < 100; i++) {
      text.insert(text.length, 'x')
      vi.advanceTimersByTime(50)
    }
    expect(computed()).toBeGreaterThanOrEqual(4)
    expect(computed()).toBeLessThanOrEqual(6)
  })
})
