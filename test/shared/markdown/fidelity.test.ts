import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSprint, setSupportHeroes, type ItemView } from '../../../shared/doc'
import { exportSprint, exportTeam, importComment, importIssue } from '../../../shared/markdown'
import { fixture, newSprint } from './helpers'
import {
  issueText,
  itemArb,
  numberedListArb,
  pasteArb,
  pasted,
  sectionOf,
  teamsArb,
  type GeneratedItem,
} from './generators'

/** Imports a comment into a fresh 2024 sprint; returns the export and the team's view. */
function roundTrip(markdown: string): { out: string; items: (key: string) => ItemView[] } {
  const doc = newSprint()
  const { teamId } = importComment(doc, markdown)
  const team = readSprint(doc).teams.find((t) => t.id === teamId)
  return {
    out: exportTeam(doc, teamId),
    items: (key) => team?.sections.find((s) => s.key === key)?.items ?? [],
  }
}

const HANDLE = /@[A-Za-z0-9][\w-]*/g
const handles = (text: string): string[] => text.match(HANDLE) ?? []

function comment(heading: string, items: readonly GeneratedItem[]): string {
  return `# Team Web\n\n${heading}\n\n${items.map((i) => i.markdown).join('\n')}\n`
}

describe('no @handle is ever dropped', () => {
  it('keeps a trailing handle also written on an earlier line of the item', () => {
    const md = comment('### High priority', [
      { markdown: '- 🟢 did X @ana\n  🟡 did Y @ana', handles: ['ana', 'ana'] },
    ])
    const { out, items } = roundTrip(md)
    expect(sectionOf(out, '### High priority')).toBe('- 🟢 did X @ana\n  🟡 did Y @ana')
    expect(items('high')[0]?.owners).toEqual(['ana'])
  })

  it('keeps a handle alone on a continuation line on its own line', () => {
    const { out } = roundTrip(
      comment('### High priority', [{ markdown: '- did X\n  @ana', handles: ['ana'] }]),
    )
    expect(sectionOf(out, '### High priority')).toBe('- did X\n  @ana')
  })

  it('keeps a repeated handle (`@ana @ana`)', () => {
    const { out, items } = roundTrip(
      comment('### High priority', [{ markdown: '- @ana @ana', handles: [] }]),
    )
    expect(sectionOf(out, '### High priority')).toBe('- @ana @ana')
    expect(items('high')[0]?.owners).toEqual(['ana'])
  })

  it.each([
    ['### High priority', 'high'],
    ['## Retro', 'retro'],
  ])(
    'in %s: handles at the start, middle and end, repeated, on continuation lines, come back in place',
    (heading, key) => {
      fc.assert(
        fc.property(fc.array(itemArb, { minLength: 1, maxLength: 4 }), (generated) => {
          const md = comment(heading, generated)
          const { out, items } = roundTrip(md)
          // Every handle, in the order written, and each item owned by the handles it names.
          expect(handles(sectionOf(out, heading))).toEqual(
            handles(generated.map((g) => g.markdown).join('\n')),
          )
          items(key).forEach((item, i) => {
            expect(new Set(item.owners)).toEqual(new Set(generated[i]?.handles))
          })
          // A plain list comes back byte for byte; a retro moves a trailing status glyph first.
          if (key === 'high')
            expect(sectionOf(out, heading)).toBe(generated.map((g) => g.markdown).join('\n'))
          expect(roundTrip(out).out).toBe(out)
        }),
        { numRuns: 300 },
      )
    },
  )
})

describe('pasted comments keep every word', () => {
  const clean = fixture('comments/01-pipeline-clean.md')
  const expected = roundTrip(clean).out

  it('reads Windows line endings and a byte-order mark as the comment itself', () => {
    expect(roundTrip(`\uFEFF${clean.replace(/\n/g, '\r\n')}`).out).toBe(expected)
  })

  it("reads GitHub's Quote reply (every line prefixed with `> `) as the comment itself", () => {
    const quoted = clean
      .split('\n')
      .map((l) => (l === '' ? '>' : `> ${l}`))
      .join('\n')
    const doc = newSprint()
    const { teamId, warnings } = importComment(doc, quoted)
    expect(exportTeam(doc, teamId)).toBe(expected)
    expect(warnings).toContain(
      'read a quoted comment (every line starting with ">") as the comment itself',
    )
  })

  it('reads indentation copied as non-breaking spaces as indentation, and keeps them in text', () => {
    const md = '# Team Web\n\n### High priority\n\n-\u00a0Ship\u00a0it\n\u00a0\u00a0- sub item\n'
    const { out, items } = roundTrip(md)
    expect(items('high')[0]?.text).toBe('Ship\u00a0it')
    expect(items('high')[0]?.children[0]?.text).toBe('sub item')
    expect(sectionOf(out, '### High priority')).toBe('- Ship\u00a0it\n  - sub item')
  })

  it('reads a heading indented by a copied non-breaking space as the heading', () => {
    const { out } = roundTrip('\u00a0# Team Web\n\n### High priority\n\n- x\n')
    expect(out.startsWith('# Team Web\n')).toBe(true)
    expect(sectionOf(out, '### High priority')).toBe('- x')
  })
})

describe("an issue's text between two teams", () => {
  it('belongs to the next team (above its heading), never to an untitled section of the previous one', () => {
    fc.assert(
      fc.property(teamsArb, (teams) => {
        const doc = newSprint()
        const text = issueText(teams)
        importIssue(doc, text)
        const view = readSprint(doc)
        teams.forEach((t, i) => {
          const team = view.teams[i]
          const before = teams[i - 1]?.after
          const extras = team?.sections.filter((s) => s.isExtra) ?? []
          const preamble = extras.filter((s) => s.definition.layout?.preamble === true)
          expect(preamble.map((s) => s.notes)).toEqual(before === undefined ? [] : [before])
          // The last team keeps what follows its comment (there is no next team).
          const untitled = extras.filter((s) => s.definition.layout?.preamble !== true)
          expect(untitled.length).toBe(i === teams.length - 1 && t.after !== undefined ? 1 : 0)
        })
        const again = newSprint()
        importIssue(again, exportSprint(doc))
        expect(exportSprint(again)).toBe(exportSprint(doc))
      }),
      { numRuns: 60 },
    )
  })
})

describe('a task whose text starts with markup', () => {
  const FIRST = [
    '**Bold**',
    '*em*',
    '`code`',
    '[PR](https://github.com/o/r/pull/1)',
    '~~struck~~',
    '![shot](https://e.com/a.png)',
    '@ana',
    '<https://e.com>',
    'plain',
    '\\[ ] literal box',
  ]
  it('gets its box once, for any inline node first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.boolean(),
            fc.constantFrom(...FIRST),
            fc.constantFrom('', ' merged', ' start'),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (tasks) => {
          const lines = tasks.map(
            ([done, first, rest]) => `- [${done ? 'x' : ' '}] ${first}${rest}`,
          )
          const { out } = roundTrip(
            comment(
              '### High priority',
              lines.map((markdown) => ({ markdown, handles: [] })),
            ),
          )
          expect(sectionOf(out, '### High priority')).toBe(lines.join('\n'))
          expect(roundTrip(out).out).toBe(out)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('generated shapes', () => {
  it('a comment imports the same however it was pasted', () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 3 }),
        numberedListArb,
        pasteArb,
        (items, numbered, how) => {
          const md = `# Team Web\n\n### High priority\n\n${items.map((i) => i.markdown).join('\n')}\n\n### Low priority / side quests\n\n${numbered}\n`
          expect(roundTrip(pasted(md, how)).out).toBe(roundTrip(md).out)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('numbered lists, with any start and numbered sub-lists, come back byte for byte', () => {
    fc.assert(
      fc.property(numberedListArb, (numbered) => {
        const { out } = roundTrip(
          comment('### High priority', [{ markdown: numbered, handles: [] }]),
        )
        expect(sectionOf(out, '### High priority')).toBe(numbered)
      }),
      { numRuns: 200 },
    )
  })
})

describe('every support hero shape round-trips', () => {
  const heroLine = (out: string): string => {
    const at = out.indexOf('**Support hero:**')
    const end = out.indexOf('\n\n## Retro')
    return out.slice(at, end)
  }
  it.each([
    [
      'inline weeks',
      '**Support hero:** Week 1: @neil-k, Week 2: @ana',
      ['neil-k', 'ana'],
      ['Week 1', 'Week 2'],
    ],
    [
      'a list of weeks',
      '**Support hero:**\n- Week 1: @neil-k\n- Week 2: @ana',
      ['neil-k', 'ana'],
      ['Week 1', 'Week 2'],
    ],
    [
      'a backup in brackets',
      '**Support hero:** @ana (backup: @tom-reid)',
      ['ana', 'tom-reid'],
      ['', ''],
    ],
    ['handles joined by and', '**Support hero:** @ana and @bo', ['ana', 'bo'], ['', '']],
    ['a plain name', '**Support hero:** Anders', [], []],
    ['plain names and a handle', '**Support hero:** Anders, @bo', ['bo'], ['']],
  ])('%s', (_name, line, handles, labels) => {
    const doc = newSprint()
    const { teamId } = importComment(doc, `# Team Web\n\n${line}\n`)
    const out = exportTeam(doc, teamId)
    expect(heroLine(out)).toBe(line)
    const team = readSprint(doc).teams[0]
    expect(team?.heroes.map((h) => h.handle)).toEqual(handles)
    expect(team?.heroes.map((h) => h.label)).toEqual(labels)
    expect(roundTrip(out).out).toBe(out)
  })

  it('writes the heroes afresh once they are edited', () => {
    const doc = newSprint()
    const { teamId } = importComment(
      doc,
      '# Team Web\n\n**Support hero:** Week 1: @a, Week 2: @b\n',
    )
    setSupportHeroes(doc, { teamId, heroes: [{ label: '', handle: 'c' }] })
    expect(exportTeam(doc, teamId)).toContain('**Support hero:** @c\n')
  })
})
