import type { Nodes, Root } from 'mdast'
import { normalizeInput } from './normalize'
import { parseBlocks } from './block-tree'
export { parseTree } from './micromark-tree'

/** Largest Markdown text the importer accepts (UTF-16 code units, about 1 MB of text). */
export const MAX_MARKDOWN_LENGTH = 1_000_000

/**
 * Container prefixes (indentation, `>`, list markers) longer than this are cut: real comments nest
 * a handful of levels, while `"* ".repeat(8000)` or thousands of `>` make the parser recurse
 * past the stack or slow down quadratically.
 */
const MAX_PREFIX = 64

/**
 * Emphasis-like delimiters (`*`, `_`, `~`, `[`, `]`) per paragraph above this are escaped: the
 * parser's delimiter matching is quadratic in their number, so `"*a".repeat(50000)` would take
 * minutes. Escaping keeps every character (and so every word) of the text.
 */
const MAX_DELIMITERS = 400

/** Thrown when a Markdown text cannot be imported (too large). The message says why. */
export class MarkdownImportError extends Error {
  override name = 'MarkdownImportError'
}

/** The result of {@link parseMarkdown}: the tree, the text it was parsed from, and warnings. */
export interface ParsedMarkdown {
  root: Root
  /** The text actually parsed (the input after {@link defuse}); positions point into it. */
  source: string
  warnings: string[]
}

/**
 * Parses GitHub-flavoured Markdown into an mdast tree with positions. Refuses text over
 * {@link MAX_MARKDOWN_LENGTH}; undoes what a paste adds (BOM, CRLF, copied non-breaking
 * indentation, a quote reply: see {@link normalizeInput}); defuses pathological nesting and delimiter runs first (with a
 * warning) so that parsing is bounded in time and never overflows the stack.
 */
export function parseMarkdown(markdown: string): ParsedMarkdown {
  if (markdown.length > MAX_MARKDOWN_LENGTH) {
    throw new MarkdownImportError(
      `Markdown text too large: ${markdown.length} characters (the limit is ${MAX_MARKDOWN_LENGTH})`,
    )
  }
  const warnings: string[] = []
  const source = defuse(normalizeInput(markdown, warnings), warnings)
  return { root: parseBlocks(source), source, warnings }
}

const PREFIX_MARKERS = new Set(['>', '*', '-', '+', '.', ')'])

function isPrefixChar(c: string): boolean {
  return c === ' ' || c === '\t' || PREFIX_MARKERS.has(c) || isDigit(c)
}

/** The excess of a container prefix: indentation dropped, markers escaped, digits kept. */
function flatten(excess: string): string {
  let out = ''
  for (const c of excess) {
    if (PREFIX_MARKERS.has(c)) out += '\\' + c
    else if (isDigit(c)) out += c
  }
  return out
}

const DELIMITERS = new Set(['*', '_', '~', '[', ']'])
/** The opening (or closing) of a fenced code block, after any container prefix. */
const FENCE = /^(?:[ \t>]*(?:[-+*]|\d{1,9}[.)])?[ \t]+|[ \t>]*)(`{3,}|~{3,})/
/** A line that starts a list item (after quote markers and indentation). */
const LIST_ITEM = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/

/** A closing fence has nothing after its marker but spaces. */
function isFenceEnd(line: string): boolean {
  return /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.test(line)
}

/**
 * Makes pathological input safe to parse, keeping every non-markup character: over-long container
 * prefixes lose their excess markers and indentation; paragraphs with too many delimiters get
 * the excess ones backslash-escaped.
 */
export function defuse(text: string, warnings: string[]): string {
  const lines = text.split('\n')
  let cutPrefix = false
  let escaped = false
  let delimiters = 0
  let fence: string | undefined
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string
    let p = 0
    while (p < line.length && isPrefixChar(line[p] as string)) p++
    if (p > MAX_PREFIX) {
      line = line.slice(0, MAX_PREFIX) + flatten(line.slice(MAX_PREFIX, p)) + line.slice(p)
      cutPrefix = true
    }
    // Code is not parsed for emphasis: nothing to count or escape in a fenced block.
    const marker = FENCE.exec(line)?.[1]
    if (fence !== undefined) {
      if (
        marker !== undefined &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        isFenceEnd(line)
      ) {
        fence = undefined
      }
      lines[i] = line
      continue
    }
    if (marker !== undefined) {
      fence = marker
      delimiters = 0
      lines[i] = line
      continue
    }
    // Delimiters pair up within one paragraph or list item: a blank line or a new item resets.
    if (line.trim() === '' || LIST_ITEM.test(line)) delimiters = 0
    let out = ''
    for (let j = 0; j < line.length; j++) {
      const c = line[j] as string
      if (DELIMITERS.has(c) && line[j - 1] !== '\\') {
        delimiters++
        if (delimiters > MAX_DELIMITERS) {
          out += '\\'
          escaped = true
        }
      }
      out += c
    }
    lines[i] = out
  }
  if (cutPrefix) warnings.push('flattened an over-deep nesting of lists or quotes')
  if (escaped) warnings.push('escaped an excessive run of emphasis or link delimiters')
  return lines.join('\n')
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

/** Start and end offsets of a node in the source (0, 0 when it has no position). */
export function span(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]
}

/** The exact source text of a node. */
export function sliceOf(source: string, node: Nodes): string {
  const [a, b] = span(node)
  return source.slice(a, b)
}

/** Plain text of a node (what a reader sees), for matching headings and labels. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value
  if ('children' in node) return node.children.map((c) => plainText(c as Nodes)).join('')
  return ''
}
