import type { Nodes, Root, RootContent } from 'mdast'
import { toMarkdown } from 'mdast-util-to-markdown'
import { span } from './parse'
import { parseTree } from './micromark-tree'

/**
 * Escaping of user text for export. Texts are Markdown source as the team wrote it (so `**bold**`
 * and links keep working on GitHub), and are written back verbatim except where they would turn
 * into something else than inline text: a raw HTML tag, a `javascript:` link, a heading, list,
 * quote, rule, table, fence or task box. Those get a backslash escape at the exact spot, found by
 * parsing the text with the same GFM parser the importer uses, until the text parses as one plain
 * paragraph. Because only unescaped markup is touched, escaping is idempotent: importing the
 * output and exporting again gives the same bytes.
 *
 * Cost: a text is parsed once when it needs no escape (the common case), and only when a cheap
 * scan of its lines finds something that could be markup to escape; escaping parses again until
 * the text is stable (at most {@link MAX_PASSES} times, a bound reached only by crafted input).
 */

const SAFE_PROTOCOL = /^(https?:|mailto:|#|\/|\.|[^:]*$)/i
const MAX_PASSES = 12

/**
 * A link target that may not be http(s), mailto or relative: one with a `:` after another
 * start, or with a character reference (`javascript&colon;…`); and any reference definition.
 */
const LINK_RISK = String.raw`\]\(\s*<?(?:(?!https?:\/\/|mailto:|#|\/|\.)[^)\s]*[:&]|[^)\s]*&)|\]:`

/**
 * Markup an inline text may need escaped: raw HTML or an autolink (`<`), a risky link target,
 * or a line starting like a block (heading, list, quote, fence, rule, setext underline, table
 * row or delimiter, definition, task box).
 */
const INLINE_RISK = new RegExp(
  `<|${LINK_RISK}|^(?:[#>\\-=|[]|[*+](?:[ \\t]|$)|[*_ \\t]{3,}$|\\d{1,9}[.)]|\`{3,}|~{3,}|:-)`,
  'im',
)

/**
 * What free text (notes) may need escaped or closed: raw HTML, a risky link target, a top-level
 * heading or list (a line starting with `#`, a bullet or a number), a setext underline, a fence,
 * or a reference definition. Tables, quotes and code are allowed in notes as they are.
 */
const BLOCK_RISK = new RegExp(
  `<|${LINK_RISK}|^ {0,3}(?:#|[-*+](?:[ \\t]|$)|\\d{1,9}[.)](?:[ \\t]|$)|=+[ \\t]*$|-+[ \\t]*$|\`{3,}|~{3,}|\\[)`,
  'im',
)

/** Inline text (an item, a team name, a field value) made safe to place in a Markdown line. */
export function safeInline(text: string): string {
  return cached(INLINE_CACHE, text, inlineUncached)
}

/**
 * Escaping is a pure function of the text, and an export re-escapes mostly unchanged texts (the
 * app re-exports on every edit), so results are memoised; the caches are bounded.
 */
const INLINE_CACHE = new Map<string, string>()
const BLOCK_CACHE = new Map<string, string>()
const CACHE_LIMIT = 20_000

/** Forgets every memoised escape: the next export escapes every text afresh (benchmarks). */
export function forgetEscapes(): void {
  INLINE_CACHE.clear()
  BLOCK_CACHE.clear()
}

function cached(cache: Map<string, string>, text: string, fn: (t: string) => string): string {
  const hit = cache.get(text)
  if (hit !== undefined) return hit
  const value = fn(text)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, value)
  return value
}

function inlineUncached(text: string): string {
  const flat = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n')
  if (!INLINE_RISK.test(flat)) return flat
  return escapeUntilStable(flat, (root, s) => inlineEdits(root, s)).text
}

/**
 * Free text (a section's notes) made safe: whole blocks are allowed (paragraphs, quotes, tables,
 * code, rules, `<details>`), but no raw HTML outside a small allow-list, no unsafe links, and no
 * top-level heading or list (they would read back as a section or as items).
 */
export function safeBlock(text: string): string {
  return cached(BLOCK_CACHE, text, blockUncached)
}

function blockUncached(text: string): string {
  // Up to three spaces of indentation mean nothing (four would make a code block): drop them,
  // as the importer's slices never start with them.
  const trimmed = text
    .replace(/^\s*\n/, '')
    .replace(/^ {0,3}(?=\S)/, '')
    .trimEnd()
  if (trimmed === '' || !BLOCK_RISK.test(trimmed)) return trimmed
  // Escaping can turn an HTML block into a paragraph followed by a fence: repeat until stable.
  let s = trimmed
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const escaped = escapeUntilStable(s, (root, src) => blockEdits(root, src))
    // The last parse of the escaping serves the fence check: no parse of its own.
    const next = closeFence(escaped.text, escaped.root)
    if (next === s) return s
    s = next
  }
  return s
}

/**
 * Escapes `text` at the offsets `edits` finds in its parse, and parses again until it finds
 * none. Returns the stable text and its parse (`root`: undefined after the fallback).
 */
function escapeUntilStable(
  text: string,
  edits: (root: Root, s: string) => number[],
): { text: string; root?: Root } {
  let s = text
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const root = parseTree(s)
    const at = [...new Set(edits(root, s))].sort((a, b) => a - b)
    if (at.length === 0) return { text: s, root }
    s = insertBackslashes(s, at)
  }
  // Never reached by real text; a fully escaped literal is the safe fallback.
  const literal = toMarkdown({ type: 'paragraph', children: [{ type: 'text', value: text }] })
  return { text: literal.trimEnd() }
}

/**
 * `s` with a backslash before each offset of `at` (ascending, distinct), built in one pass: a
 * slice-and-join per offset copied the whole text each time (quadratic in a text of many tags).
 */
function insertBackslashes(s: string, at: number[]): string {
  const parts: string[] = []
  let from = 0
  for (const i of at) {
    parts.push(s.slice(from, i), '\\')
    from = i
  }
  parts.push(s.slice(from))
  return parts.join('')
}

function inlineEdits(root: Root, s: string): number[] {
  const out: number[] = []
  root.children.forEach((block, i) => {
    if (block.type !== 'paragraph' || i > 0) out.push(blockEscapeAt(block, s))
  })
  const first = root.children[0]
  // `[ ] x` at the start of a list item would become a task box.
  if (first?.type === 'paragraph' && /^\[[ xX]\](\s|$)/.test(s)) out.push(0)
  walk(root, (n) => unsafeInline(n, s, out, false))
  return out
}

/** Only HTML comments, one after another (nothing between them, e.g. `<!-- a --><b>`). */
const ONLY_COMMENTS = /^(?:<!--(?:(?!-->)[\s\S])*-->\s*)+$/

const ALLOWED_HTML =
  /^<\/?(details|summary|br|sub|sup|kbd|b|i|em|strong|code|p|hr)(\s[^<>]*)?\/?>$|^<!--(?:(?!-->)[^])*-->$/i

function blockEdits(root: Root, s: string): number[] {
  const out: number[] = []
  for (const block of root.children) {
    if (block.type === 'heading' || block.type === 'list') out.push(blockEscapeAt(block, s))
  }
  walk(root, (n) => unsafeInline(n, s, out, true))
  return out
}

function unsafeInline(n: Nodes, s: string, out: number[], allowSomeHtml: boolean): void {
  const [a] = span(n)
  if (n.type === 'html') {
    const isAllowed =
      allowSomeHtml &&
      (ONLY_COMMENTS.test(n.value.trim()) || n.value.split('\n').every((l) => isAllowedHtmlLine(l)))
    if (!isAllowed) out.push(...htmlStarts(n.value, a, s))
  } else if ((n.type === 'link' || n.type === 'image') && !SAFE_PROTOCOL.test(n.url.trim())) {
    out.push(s[a] === '!' ? a + 1 : a)
  } else if (n.type === 'definition' && !SAFE_PROTOCOL.test(n.url.trim())) {
    out.push(s.indexOf('[', a))
  }
}

function isAllowedHtmlLine(line: string): boolean {
  const l = line.trim()
  if (l === '') return true
  // A line of tags, e.g. `<details><summary>Title</summary>`: every tag must be allowed.
  const tags = l.match(/<[^<>]*>/g) ?? []
  if (tags.length === 0) return !l.includes('<')
  return tags.every((t) => ALLOWED_HTML.test(t)) && (l.match(/</g)?.length ?? 0) === tags.length
}

/** Offsets of every `<` of a raw HTML node, so each tag in it becomes literal text. */
function htmlStarts(value: string, offset: number, s: string): number[] {
  const out: number[] = []
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '<' && s[offset + i] === '<' && s[offset + i - 1] !== '\\')
      out.push(offset + i)
  }
  return out
}

/** Where to put a backslash so that a block construct reads as paragraph text. */
function blockEscapeAt(block: RootContent, s: string): number {
  const [a, b] = span(block)
  let i = a
  while (i < b && (s[i] === ' ' || s[i] === '\t')) i++
  if (block.type === 'heading' && s[i] !== '#') {
    // A setext heading: escape its underline.
    const lineStart = s.lastIndexOf('\n', b - 1) + 1
    return lineStart
  }
  if (block.type === 'list' && block.ordered) {
    while (i < b && /\d/.test(s.charAt(i))) i++
  }
  if (block.type === 'table') {
    // Break the delimiter row (the table's second line): escaping a pipe of the header row is
    // not enough (a one-column table needs no pipe: `a|` over `-|`, or `text` over `-:`).
    const nl = s.indexOf('\n', i)
    if (nl < 0 || nl >= b) return i
    let j = nl + 1
    while (j < b && (s[j] === ' ' || s[j] === '\t')) j++
    return j
  }
  return i
}

function walk(node: Nodes, visit: (n: Nodes) => void): void {
  visit(node)
  if ('children' in node) for (const c of node.children) walk(c as Nodes, visit)
}

/** Closes a fenced code block left open (found in `root`, the parse of `text`). */
function closeFence(text: string, root: Root | undefined): string {
  const last = root?.children.at(-1)
  if (last?.type !== 'code') return text
  const [a, b] = span(last)
  const src = text.slice(a, b)
  const fence = /^\s*(`{3,}|~{3,})/.exec(src)?.[1]
  if (!fence) return text
  const lines = src.split('\n')
  const closing = lines.at(-1)?.trim() ?? ''
  const fenceChar = fence.charAt(0)
  const closed =
    lines.length > 1 && closing.length >= fence.length && [...closing].every((c) => c === fenceChar)
  return closed ? text : `${text}\n${fence}`
}
