import { describe, expect, it } from 'vitest'
import { linkAt } from '../../renderer/src/editor/links'

describe('linkAt', () => {
  const text =
    'See [PR 12](https://github.com/org/repo/pull/12) and https://posthog.com/handbook. Or mail@x'
  it('finds a Markdown link from its label or its address', () => {
    expect(linkAt(text, text.indexOf('PR 12'))).toBe('https://github.com/org/repo/pull/12')
    expect(linkAt(text, text.indexOf('org/repo'))).toBe('https://github.com/org/repo/pull/12')
  })

  it('finds a bare address without the full stop after it', () => {
    expect(linkAt(text, text.indexOf('posthog'))).toBe('https://posthog.com/handbook')
    expect(linkAt(text, text.indexOf('handbook.') + 'handbook'.length)).toBe(
      'https://posthog.com/handbook',
    )
  })

  it('finds nothing in plain words, and never a scheme that may not open', () => {
    expect(linkAt(text, 1)).toBeUndefined()
    expect(linkAt(text, text.indexOf('mail@x'))).toBeUndefined()
    expect(linkAt('[x](javascript:alert(1))', 1)).toBeUndefined()
    expect(linkAt('[x](file:///etc/passwd)', 1)).toBeUndefined()
    expect(linkAt('write to mailto:team@example.com', 12)).toBe('mailto:team@example.com')
  })
})
