/**
 * What a pasted or saved comment carries that is not Markdown the team wrote: a byte-order mark,
 * Windows line endings, non-breaking spaces where a browser copy turned indentation into
 * `&nbsp;`, and GitHub's "Quote reply" (every line prefixed with `> `). Undone before parsing,
 * so the comment imports as written; every word is kept.
 */

/** Unicode spaces a copy from a rendered page puts where the author typed spaces. */
const COPIED_SPACE = /[\u00a0\u2007\u202f]/

/**
 * The text as the author wrote it: leading BOM dropped (the parser would drop it too, shifting
 * every position by one), CRLF / CR turned into LF, non-breaking spaces in a line's container
 * prefix (indentation, after a `-` or `1.` marker) turned into spaces (elsewhere they are text
 * and stay), and a quote reply unquoted (with a
 * warning). Pure; never throws.
 */
export function normalizeInput(markdown: string, warnings: string[]): string {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const lines = text.split('\n').map(indentSpaces)
  if (isQuoteReply(lines)) {
    warnings.push('read a quoted comment (every line starting with ">") as the comment itself')
    return lines.map(unquote).join('\n')
  }
  return lines.join('\n')
}

/** A line's container prefix: indentation, quote markers, list markers followed by a space. */
const PREFIX =
  /^(?:[ \t>\u00a0\u2007\u202f]|[-+*](?=[ \t\u00a0\u2007\u202f])|\d{1,9}[.)](?=[ \t\u00a0\u2007\u202f]))+/

function indentSpaces(line: string): string {
  const m = PREFIX.exec(line)
  if (m === null || !COPIED_SPACE.test(m[0])) return line
  return m[0].replace(new RegExp(COPIED_SPACE.source, 'g'), ' ') + line.slice(m[0].length)
}

/** A quote reply: every non-blank line starts with `>` (at most 3 spaces before it). */
function isQuoteReply(lines: readonly string[]): boolean {
  let quoted = 0
  for (const line of lines) {
    if (line.trim() === '') continue
    if (!/^ {0,3}>/.test(line)) return false
    quoted++
  }
  return quoted > 0
}

/** One level of quoting off a line: `> x` → `x`, `>x` → `x`, `>` → ``. */
function unquote(line: string): string {
  return line.replace(/^ {0,3}> ?/, '')
}
