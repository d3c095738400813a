import fc from 'fast-check'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { addItem, addTeam, setSectionNotes } from '../../../shared/doc'
import { exportTeam, importComment, safeBlock, safeInline } from '../../../shared/markdown'
import { parseCount, parseTree } from '../../../shared/markdown/micromark-tree'
import { fixture, newSprint } from './helpers'

function nodes(markdown: string): Nodes[] {
  const out: Nodes[] = []
  const walk = (n: Nodes): void => {
    out.push(n)
    if ('children' in n) for (const c of n.children) walk(c as Nodes)
  }
  // The GFM parser, as GitHub renders (the importer's block tree has no inline nodes).
  walk(parseTree(markdown))
  return out
}

/** What GitHub would render as markup other than the template's own guidance comments. */
function markup(markdown: string): string[] {
  return nodes(markdown).flatMap((n) => {
    if (n.type === 'html' && !/^<!-- [^<>]* -->$/.test(n.value)) return [`html ${n.value}`]
    if ((n.type === 'link' || n.type === 'image') && !/^https?:/.test(n.url))
      return [`link ${n.url}`]
    if (n.type === 'table') return ['table']
    return []
  })
}

describe('escaping on export', () => {
  it('keeps the hostile comment literal: no raw HTML, script, table or javascript: link', () => {
    const doc = newSprint()
    const { teamId } = importComment(doc, fixture('comments/10-hostile.md'))
    const out = exportTeam(doc, teamId)
    expect(markup(out)).toEqual([])
    const headings = nodes(out).filter((n) => n.type === 'heading')
    expect(headings.map((h) => (h.type === 'heading' ? h.depth : 0))).toEqual([1, 2, 2, 2, 3, 3])
    expect(out).toContain('# Team \\<script>alert(1)\\</script> Security\n')
    expect(out).toContain('- \\# not a heading, just a hash\n')
    expect(out).toContain('\\[click me](javascript:alert(1))')
    // Inline code, bold and emphasis are the team's Markdown and stay as written.
    expect(out).toContain('- `code with <b>tags</b>` and **bold** and _em_\n')
  })

  it.each([
    ['# heading', '\\# heading'],
    ['- list', '\\- list'],
    ['1. ordered', '1\\. ordered'],
    ['> quote', '\\> quote'],
    ['---', '\\---'],
    ['[ ] fake box', '\\[ ] fake box'],
    ['<b>bold</b>', '\\<b>bold\\</b>'],
    ['[x](javascript:alert(1))', '\\[x](javascript:alert(1))'],
    ['<javascript:alert(1)>', '\\<javascript:alert(1)>'],
    ['a | b\n--|--', 'a | b\n\\--|--'],
    // One-column tables: found by the idempotence property below.
    ['#|\n-|', '#|\n\\-|'],
    ['#.\n-:', '#.\n\\-:'],
    ['plain text, 60 < x < 600', 'plain text, 60 < x < 600'],
    ['**bold** and [link](https://e.com)', '**bold** and [link](https://e.com)'],
  ])('writes the item text %j as %j', (text, expected) => {
    expect(safeInline(text)).toBe(expected)
  })

  it('is idempotent: escaping escaped text changes nothing', () => {
    const chars = fc.constantFrom(
      '#',
      '-',
      '*',
      '>',
      '<',
      '[',
      ']',
      '(',
      ')',
      '|',
      '\\',
      '`',
      '!',
      ':',
      ' ',
      'a',
      '1',
      '.',
      '\n',
      '_',
      '=',
    )
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (parts) => {
        const once = safeInline(parts.join(''))
        expect(safeInline(once)).toBe(once)
      }),
      { numRuns: 500 },
    )
  })

  it('escapes notes typed in the app that would read back as items or sections', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'Web' })
    setSectionNotes(doc, {
      teamId,
      section: 'retro',
      text: '## Not a section\n\n- not an item\n\n<script>x</script>',
    })
    addItem(doc, { teamId, section: 'retro', text: 'real item' })
    const out = exportTeam(doc, teamId)
    expect(out).toContain(
      '\\## Not a section\n\n\\- not an item\n\n\\<script>x\\</script>\n\n- real item',
    )
    const again = newSprint()
    expect(exportTeam(again, importComment(again, out).teamId)).toBe(out)
  })

  it('lets HTML comments through in notes, but not HTML hidden between two of them', () => {
    const doc = newSprint()
    const teamId = addTeam(doc, { name: 'Web' })
    const notes = [
      '<!-- a --><script>alert(1)</script><!-- b -->',
      '<!-- a --><img src=x onerror=alert(1)><!-- b -->',
      '<!-- only a comment -->\n<!-- and another -->',
      '<details><!-- why --><summary>More</summary>',
    ]
    setSectionNotes(doc, { teamId, section: 'retro', text: notes.join('\n\n') })
    const out = exportTeam(doc, teamId)
    const html = markup(out).filter((m) => m.startsWith('html'))
    expect(html.join(' ')).not.toMatch(/<script|<img/)
    expect(out).toContain('<!-- only a comment -->\n<!-- and another -->')
    expect(out).toContain('<details><!-- why --><summary>More</summary>')
    const again = newSprint()
    expect(exportTeam(again, importComment(again, out).teamId)).toBe(out)
  })
})

describe('escaping parses each text at most once unless it escapes something', () => {
  const parsesOf = (fn: () => unknown): number => {
    const before = parseCount()
    fn()
    return parseCount() - before
  }
  // Unique texts: the escapes are memoised, and a repeated text would not be parsed at all.
  let n = 0
  const unique = (text: string): string => `${text} ${++n}`

  it('does not parse text with nothing that could be markup to escape', () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `| row ${i} | value |`).join('\n')
    expect(parsesOf(() => safeBlock(unique(`| a | b |\n|---|---|\n${rows}`)))).toBe(0)
    expect(
      parsesOf(() => safeInline(unique('Ship **it** [PR](https://e.com/1) & `x|y` @ana'))),
    ).toBe(0)
  })

  it('parses once text that might hold markup but needs no escape', () => {
    expect(parsesOf(() => safeInline(unique('60 < x < 600')))).toBe(1)
    expect(parsesOf(() => safeBlock(unique('```\ncode\n```\n\n- - -\n\nmore')))).toBe(1)
  })

  it('parses again only after escaping, until the text is stable', () => {
    expect(parsesOf(() => safeInline(unique('<b>bold</b>')))).toBe(2)
  })
})
