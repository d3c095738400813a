import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createPreviewStore } from '../../renderer/src/export/usePreview'

/** The preview's text: here simply the doc's one text, counted each time it is computed. */
function setup(
  initial = '',
  isFirstDeferred = false,
): {
  doc: Y.Doc
  text: Y.Text
  computed: () => number
  changes: () => number
  snapshot: () => string
} {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, initial)
  let computed = 0
  let changes = 0
  const store = createPreviewStore(
    doc,
    (d) => {
      computed++
      return d.getText('t').toString()
    },
    isFirstDeferred,
  )
  store.subscribe(() => changes++)
  return {
    doc,
    text,
    computed: () => computed,
    changes: () => changes,
    snapshot: store.getSnapshot,
  }
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

  it('computes its first value after the first render, not during it', () => {
    const { computed, changes, snapshot } = setup('# Team Web', true)
    expect(snapshot()).toBe('')
    expect(computed()).toBe(0)
    vi.advanceTimersByTime(200)
    expect(computed()).toBe(1)
    expect(changes()).toBe(1)
    expect(snapshot()).toBe('# Team Web')
  })

  it('computes its first value at the first read when not deferred', () => {
    const { computed, snapshot } = setup('# Team Web')
    expect(snapshot()).toBe('# Team Web')
    expect(computed()).toBe(1)
  })
})
