import { describe, expect, it } from 'vitest'
import { diffMarkdown, formatDiff } from '../../../shared/history'

const before = [
  '# Team Web',
  '',
  '### High priority',
  '',
  '- Ship the login',
  '- Fix the build',
  '',
].join('\n')

describe('diff of the exported Markdown', () => {
  it('gives nothing for equal texts', () => {
    expect(diffMarkdown(before, before)).toEqual({ hunks: [], added: 0, removed: 0 })
  })

  it('shows a changed line as removed then added, with numbers on each side', () => {
    const after = before.replace('- Fix the build', '- Fix the build on CI')
    const diff = diffMarkdown(before, after)
    expect(diff.added).toBe(1)
    expect(diff.removed).toBe(1)
    expect(diff.hunks).toHaveLength(1)
    const lines = diff.hunks[0]?.lines ?? []
    expect(lines.filter((l) => l.kind !== 'context')).toEqual([
      { kind: 'remove', text: '- Fix the build', oldLine: 6 },
      { kind: 'add', text: '- Fix the build on CI', newLine: 6 },
    ])
    expect(lines.at(0)).toEqual({
      kind: 'context',
      text: '### High priority',
      oldLine: 3,
      newLine: 3,
    })
    expect(diff.hunks[0]?.header).toBe('@@ -3,4 +3,4 @@')
  })

  it('keeps three lines of context and splits far-apart changes into hunks', () => {
    const long = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n')
    const after = long.replace('line 2\n', 'line two\n').replace('line 28', 'line twenty-eight')
    const diff = diffMarkdown(long, after)
    expect(diff.hunks.map((h) => h.header)).toEqual(['@@ -1,5 +1,5 @@', '@@ -25,6 +25,6 @@'])
    expect(formatDiff(diff).split('\n').slice(0, 4)).toEqual([
      '@@ -1,5 +1,5 @@',
      ' line 1',
      '-line 2',
      '+line two',
    ])
  })

  it('does not report a missing final newline as a change', () => {
    expect(diffMarkdown('a\nb', 'a\nb\n').hunks).toEqual([])
  })

  it('diffs from and to nothing (a team added or removed)', () => {
    expect(diffMarkdown('', 'a\nb\n')).toMatchObject({ added: 2, removed: 0 })
    expect(diffMarkdown('a\nb\n', '')).toMatchObject({ added: 0, removed: 2 })
  })
})
