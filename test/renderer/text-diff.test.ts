import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { diffWithCaret, mapCaret } from '../../renderer/src/editor/text-diff'

function apply(s: string, e: { index: number; remove: number; insert: string }): string {
  return s.slice(0, e.index) + e.insert + s.slice(e.index + e.remove)
}

describe('diffWithCaret', () => {
  it('places a repeated character at the caret', () => {
    expect(diffWithCaret('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(diffWithCaret('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' })
  })
  it('handles deletes and replacements', () => {
    expect(diffWithCaret('hello', 'helo', 3)).toEqual({ index: 3, remove: 1, insert: '' })
    expect(diffWithCaret('hello world', 'hello there', 11)).toEqual({
      index: 6,
      remove: 5,
      insert: 'there',
    })
    expect(diffWithCaret('same', 'same', 2)).toBeUndefined()
  })
  it('always produces an edit that turns prev into next', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(), (prev, next, c) => {
        const e = diffWithCaret(prev, next, c % (next.length + 1))
        expect(e ? apply(prev, e) : prev).toBe(next)
      }),
    )
  })
})

describe('mapCaret', () => {
  function deltaOf(before: string, change: (t: Y.Text) => void): Y.YTextEvent['delta'] {
    const doc = new Y.Doc()
    const t = doc.getText('t')
    t.insert(0, before)
    let delta: Y.YTextEvent['delta'] = []
    t.observe((e) => (delta = e.delta))
    change(t)
    return delta
  }
  it('moves the caret with text inserted or deleted before it, not after', () => {
    expect(
      mapCaret(
        5,
        deltaOf('hello world', (t) => t.insert(0, '>> ')),
      ),
    ).toBe(8)
    expect(
      mapCaret(
        5,
        deltaOf('hello world', (t) => t.insert(8, 'xx')),
      ),
    ).toBe(5)
    expect(
      mapCaret(
        5,
        deltaOf('hello world', (t) => t.delete(0, 2)),
      ),
    ).toBe(3)
    expect(
      mapCaret(
        5,
        deltaOf('hello world', (t) => t.delete(3, 5)),
      ),
    ).toBe(3)
    expect(
      mapCaret(
        5,
        deltaOf('hello world', (t) => t.insert(5, '!')),
      ),
    ).toBe(5)
  })
})
