import fc from 'fast-check'

/**
 * fast-check generators of the Markdown shapes real comments have, shared by the property tests:
 * items with `@handles` anywhere (start, middle, end, repeated, on continuation lines), numbered
 * lists with any start, pasted variants of a comment (CRLF, BOM, non-breaking indentation, quote
 * reply) and issues with text between the teams.
 */

/** One generated list item: its Markdown (one or more lines) and the handles it names. */
export interface GeneratedItem {
  markdown: string
  handles: string[]
}

const WORDS = ['ship', 'the', 'exporter', 'review', 'fix', 'flaky', 'tests', 'docs', 'queue']
const HANDLES = ['ana', 'tom-reid', 'bo', 'li-9']
const GLYPHS = ['🟢', '🟡', '✅', '🌀', '❌']

const tokenArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HANDLES).map((h) => `@${h}`) },
)

/** A line of words and handles, optionally starting with a status glyph. */
const lineArb = fc
  .tuple(
    fc.option(fc.constantFrom(...GLYPHS), { nil: undefined }),
    fc.array(tokenArb, { minLength: 1, maxLength: 6 }),
  )
  .map(([glyph, tokens]) => [glyph, ...tokens].filter((t) => t !== undefined).join(' '))

/** A bullet item of 1–3 lines (continuation lines indented under its text). */
export const itemArb: fc.Arbitrary<GeneratedItem> = fc
  .array(lineArb, { minLength: 1, maxLength: 3 })
  .map((lines) => {
    const markdown = `- ${lines.join('\n  ')}`
    const named = [...markdown.matchAll(/@([\w-]+)/g)].map((m) => m[1] as string)
    return { markdown, handles: [...new Set(named)] }
  })

/**
 * The lines of an exported comment under `heading` (up to the next heading, without the blank
 * lines around them).
 */
export function sectionOf(markdown: string, heading: string): string {
  const at = markdown.indexOf(`${heading}\n`)
  if (at < 0) throw new Error(`no "${heading}" in:\n${markdown}`)
  const rest = markdown.slice(at + heading.length + 1)
  const next = rest.search(/^#{1,6} /m)
  return (next < 0 ? rest : rest.slice(0, next)).replace(/^<!--.*-->\n/m, '').trim()
}

/** Prose a lead writes between two team comments of an issue (never a heading or a list). */
export const proseArb: fc.Arbitrary<string> = fc
  .array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((paragraphs) => paragraphs.map((p) => `Note: ${p.join(' ')}.`).join('\n\n'))

/** A team comment of an issue: its name and its High priority items. */
export interface GeneratedTeam {
  name: string
  items: GeneratedItem[]
  /** Prose written after this team's comment, before the next one. */
  after?: string
}

/** Two to four teams of an issue, with or without prose between them. */
export const teamsArb: fc.Arbitrary<GeneratedTeam[]> = fc
  .array(
    fc.record({
      items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
      after: fc.option(proseArb, { nil: undefined }),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((teams) => teams.map((t, i) => ({ ...t, name: `T${i}` })))

/** An issue body: the global part, then each team's comment and the prose after it. */
export function issueText(teams: readonly GeneratedTeam[]): string {
  const parts = ['# Global Sprint Planning\n\n## 3 things that might take us down\n\n1. outage']
  for (const t of teams) {
    parts.push(
      `# Team ${t.name}\n\n### High priority\n\n${t.items.map((i) => i.markdown).join('\n')}`,
    )
    if (t.after !== undefined) parts.push(t.after)
  }
  return `${parts.join('\n\n')}\n`
}

/** How a comment may have been pasted: as written, or through one of the ways copies alter it. */
export type Paste = 'as written' | 'crlf' | 'bom' | 'quote reply' | 'nbsp indentation'

export const pasteArb: fc.Arbitrary<Paste> = fc.constantFrom(
  'as written',
  'crlf',
  'bom',
  'quote reply',
  'nbsp indentation',
)

/** The comment as that paste would deliver it. */
export function pasted(markdown: string, how: Paste): string {
  switch (how) {
    case 'crlf':
      return markdown.replace(/\n/g, '\r\n')
    case 'bom':
      return `\uFEFF${markdown}`
    case 'quote reply':
      return markdown
        .split('\n')
        .map((l) => (l === '' ? '>' : `> ${l}`))
        .join('\n')
    case 'nbsp indentation':
      return markdown.replace(/^( +)/gm, (m) => '\u00a0'.repeat(m.length))
    default:
      return markdown
  }
}

/** A numbered (or bulleted) list with any start, its items possibly numbered lists too. */
export const numberedListArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    fc.array(
      fc.tuple(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([start, items]) =>
    items
      .map(([words, sub], i) => {
        const marker = start === undefined ? '-' : `${start + i}.`
        const pad = ' '.repeat(marker.length + 1)
        const kids =
          sub === undefined
            ? []
            : Array.from({ length: sub }, (_, k) => `${pad}${k + 1}. ${words[0] ?? 'x'} ${k}`)
        return [`${marker} ${words.join(' ')}`, ...kids].join('\n')
      })
      .join('\n'),
  )
