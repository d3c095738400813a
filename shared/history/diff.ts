import { structuredPatch } from 'diff'

/** One line of a diff, with its number on each side (as GitHub shows them). */
export interface DiffLine {
  kind: 'context' | 'add' | 'remove'
  text: string
  /** Line number in the old text (context and removed lines). */
  oldLine?: number
  /** Line number in the new text (context and added lines). */
  newLine?: number
}

/** A run of changes with the context around it, headed `@@ -a,b +c,d @@`. */
export interface DiffHunk {
  header: string
  lines: DiffLine[]
}

/** A line diff of two Markdown texts. */
export interface MarkdownDiff {
  hunks: DiffHunk[]
  added: number
  removed: number
}

/**
 * The line diff of two exported Markdown texts, as a unified diff in hunks with `context` lines
 * around each change (GitHub shows 3), computed by jsdiff (Myers' algorithm). Equal texts give
 * no hunks. A missing final newline is not reported as a change of its own.
 */
export function diffMarkdown(before: string, after: string, context = 3): MarkdownDiff {
  const patch = structuredPatch(
    'before',
    'after',
    withNewline(before),
    withNewline(after),
    '',
    '',
    {
      context,
    },
  )
  let added = 0
  let removed = 0
  const hunks = patch.hunks.map((h) => {
    let oldLine = h.oldStart
    let newLine = h.newStart
    const lines: DiffLine[] = []
    for (const raw of h.lines) {
      const mark = raw[0]
      const text = raw.slice(1)
      if (mark === '+') {
        added++
        lines.push({ kind: 'add', text, newLine: newLine++ })
      } else if (mark === '-') {
        removed++
        lines.push({ kind: 'remove', text, oldLine: oldLine++ })
      } else if (mark === ' ') {
        lines.push({ kind: 'context', text, oldLine: oldLine++, newLine: newLine++ })
      }
    }
    return { header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, lines }
  })
  return { hunks, added, removed }
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`
}

/** The diff as unified diff text (`+`/`-`/space prefixes), e.g. for the command line. */
export function formatDiff(diff: MarkdownDiff): string {
  return diff.hunks
    .map((h) =>
      [
        h.header,
        ...h.lines.map(
          (l) => `${l.kind === 'add' ? '+' : l.kind === 'remove' ? '-' : ' '}${l.text}`,
        ),
      ].join('\n'),
    )
    .join('\n')
}
