import { Parser, type Node as CmNode } from 'commonmark'
import type {
  BlockContent,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast'

/**
 * The importer's block tree: the comment parsed with commonmark.js (the CommonMark reference
 * parser, linear and tens of times faster than micromark on real comments) into the mdast shape
 * the importer reads, every node with exact source offsets.
 *
 * What the importer needs beyond CommonMark is added here: GFM task boxes (`[ ]` / `[x]`
 * first in an item), a paragraph's inline nodes as far as the importer reads them (a leading
 * `strong` label, `**Support hero:** x`, then text over the source), and the raw HTML of every
 * paragraph (`data.inlineHtml`, for the unclosed-`<details>` warning).
 * Text the reference parser keeps out of its tree (link reference definitions, `[^1]:`
 * footnotes) is put back as nodes of its own, so no word is lost. GFM tables read as the
 * paragraphs CommonMark sees, which the importer keeps verbatim either way.
 */

declare module 'mdast' {
  interface ParagraphData {
    /** Raw HTML inside the paragraph, in order (not positioned). */
    inlineHtml?: string[]
  }
}

const PARSER = new Parser()

/** Parses `source` (already normalised and defused) into an mdast root with offsets. */
export function parseBlocks(source: string): Root {
  const lines = lineStarts(source)
  const ctx: Ctx = { source, lines }
  const doc = PARSER.parse(source)
  const children = fillGaps(ctx, blockChildren(ctx, doc), 0, source.length) as RootContent[]
  return { type: 'root', children, position: pos(ctx, 0, source.length) }
}

interface Ctx {
  source: string
  /** Offset of the start of each line (index 0 = line 1). */
  lines: number[]
}

function lineStarts(source: string): number[] {
  const out = [0]
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) out.push(i + 1)
  return out
}

function offsetOf(ctx: Ctx, line: number, column: number): number {
  return Math.min(ctx.source.length, (ctx.lines[line - 1] ?? ctx.source.length) + column - 1)
}

/** Start and end offsets of a block (the end column is inclusive in commonmark.js). */
function spanOf(ctx: Ctx, node: CmNode): [number, number] {
  const [[l1, c1], [l2, c2]] = node.sourcepos
  const a = offsetOf(ctx, l1, c1)
  // An empty block (an empty item) ends before it starts: column 0.
  const b = Math.max(a, offsetOf(ctx, l2, c2 + 1))
  return [a, Math.min(b, lineEnd(ctx, l2))]
}

function lineEnd(ctx: Ctx, line: number): number {
  const next = ctx.lines[line]
  return next === undefined ? ctx.source.length : next - 1
}

function point(ctx: Ctx, offset: number): { line: number; column: number; offset: number } {
  let lo = 0
  let hi = ctx.lines.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((ctx.lines[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, column: offset - (ctx.lines[lo] as number) + 1, offset }
}

function pos(ctx: Ctx, a: number, b: number): NonNullable<Nodes['position']> {
  return { start: point(ctx, a), end: point(ctx, b) }
}

function blockChildren(ctx: Ctx, parent: CmNode): BlockContent[] {
  const out: BlockContent[] = []
  for (let c = parent.firstChild; c !== null; c = c.next) {
    const node = block(ctx, c)
    if (node) out.push(node)
  }
  return out
}

function block(ctx: Ctx, node: CmNode): BlockContent | undefined {
  const [a, b] = spanOf(ctx, node)
  const position = pos(ctx, a, b)
  switch (node.type) {
    case 'heading':
      return heading(ctx, node, a, b)
    case 'paragraph':
      return paragraph(ctx, node, a, b)
    case 'list':
      return list(ctx, node, a, b)
    case 'block_quote': {
      const blocks = blockChildren(ctx, node)
      const end = Math.max(b, endOf(blocks))
      return {
        type: 'blockquote',
        children: fillGaps(ctx, blocks, a, end) as BlockContent[],
        position: pos(ctx, a, end),
      }
    }
    case 'code_block':
      return {
        type: 'code',
        lang: node.info || null,
        meta: null,
        value: (node.literal ?? '').replace(/\n$/, ''),
        position: isFenced(ctx.source, node, a) ? position : pos(ctx, withIndent(ctx.source, a), b),
      }
    case 'html_block':
      return { type: 'html', value: ctx.source.slice(a, b), position }
    case 'thematic_break':
      return { type: 'thematicBreak', position }
    default:
      return undefined
  }
}

/** A fenced code block starts with its fence (an indented one with its first line of code). */
function isFenced(source: string, node: CmNode, a: number): boolean {
  const nl = source.indexOf('\n', a)
  const first = source.slice(a, nl < 0 ? source.length : nl)
  return /^(`{3,}|~{3,})/.test(first) && (node.literal ?? '').split('\n')[0] !== first
}

/**
 * An indented code block starts at its indentation (the reference parser starts it after the
 * four columns), so that its source, kept as notes, is still code when read again.
 */
function withIndent(source: string, a: number): number {
  let i = a
  let columns = 0
  while (i > 0 && columns < 4 && (source[i - 1] === ' ' || source[i - 1] === '\t')) {
    columns += source[i - 1] === '\t' ? 4 : 1
    i--
  }
  return i
}

function heading(ctx: Ctx, node: CmNode, a: number, b: number): Heading {
  const depth = Math.min(6, Math.max(1, node.level)) as Heading['depth']
  const text = inlineText(node)
  const [ca, cb] = headingContent(ctx.source, a, b)
  const children: PhrasingContent[] =
    cb > ca ? [{ type: 'text', value: text, position: pos(ctx, ca, cb) }] : []
  return { type: 'heading', depth, children, position: pos(ctx, a, b) }
}

/** The content of an ATX heading (between the `#`s and a closing run), or a setext's lines. */
function headingContent(source: string, a: number, b: number): [number, number] {
  const raw = source.slice(a, b)
  const atx = /^#{1,6}(?:[ \t]+|$)/.exec(raw)
  if (!atx) {
    // Setext: the text lines above the underline.
    const nl = raw.lastIndexOf('\n')
    const content = nl < 0 ? raw : raw.slice(0, nl)
    return [a, a + content.trimEnd().length]
  }
  let content = raw.slice(atx[0].length)
  content = content.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').replace(/[ \t]+$/, '')
  const start = a + atx[0].length
  return [start, start + content.length]
}

/** The plain text of a node's inline content (what a reader sees). */
function inlineText(node: CmNode): string {
  let out = ''
  const walker = node.walker()
  for (let e = walker.next(); e !== null; e = walker.next()) {
    if (!e.entering) continue
    const n = e.node
    if (n.type === 'text' || n.type === 'code') out += n.literal ?? ''
    else if (n.type === 'softbreak' || n.type === 'linebreak') out += '\n'
  }
  return out
}

function inlineHtmlOf(node: CmNode): string[] {
  const out: string[] = []
  const walker = node.walker()
  for (let e = walker.next(); e !== null; e = walker.next()) {
    if (e.entering && e.node.type === 'html_inline') out.push(e.node.literal ?? '')
  }
  return out
}

function paragraph(ctx: Ctx, node: CmNode, a: number, b: number): Paragraph {
  const html = inlineHtmlOf(node)
  const data = html.length > 0 ? { data: { inlineHtml: html } } : {}
  return { type: 'paragraph', children: phrasing(ctx, a, b), position: pos(ctx, a, b), ...data }
}

/**
 * A strong run first on a line (`**Support hero:**`): what a field line starts with. The closing
 * run must be right-flanking, as CommonMark reads it: `**Label:**x` is no strong text.
 */
function strongFirst(line: string): { open: string; label: string; length: number } | null {
  const open = line.startsWith('**') ? '**' : line.startsWith('__') ? '__' : ''
  if (open === '' || /^\s/.test(line.slice(2))) return null
  for (let at = line.indexOf(open, 3); at >= 0; at = line.indexOf(open, at + 1)) {
    const before = line.charAt(at - 1)
    const after = line.charAt(at + 2)
    if (/\s/.test(before) || after === open.charAt(0)) continue
    const isRight =
      !PUNCTUATION.test(before) || after === '' || /\s/.test(after) || PUNCTUATION.test(after)
    // `__` must not close inside a word.
    if (isRight && (open === '**' || after === '' || !/[\p{L}\p{N}]/u.test(after))) {
      return { open, label: line.slice(2, at), length: at + 2 }
    }
  }
  return null
}

const PUNCTUATION = /[\p{P}\p{S}]/u

/**
 * The inline nodes of a paragraph's source, as far as the importer reads them: a `strong` node
 * where a line starts with one (a field label), text nodes over the rest of the source (their
 * values are the source as written; each line's text runs up to the next line's strong).
 */
function phrasing(ctx: Ctx, a: number, b: number): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let textFrom = a
  const flush = (to: number): void => {
    if (to > textFrom) {
      out.push({
        type: 'text',
        value: ctx.source.slice(textFrom, to),
        position: pos(ctx, textFrom, to),
      })
    }
  }
  for (let at = a; at < b;) {
    const nl = ctx.source.indexOf('\n', at)
    const end = nl < 0 || nl > b ? b : nl
    const lead = /^[ \t]*/.exec(ctx.source.slice(at, end))?.[0].length ?? 0
    const m = strongFirst(ctx.source.slice(at + lead, end))
    if (m) {
      const s = at + lead
      flush(s)
      const inner = s + m.open.length
      out.push({
        type: 'strong',
        children: [
          { type: 'text', value: m.label, position: pos(ctx, inner, inner + m.label.length) },
        ],
        position: pos(ctx, s, s + m.length),
      })
      textFrom = s + m.length
    }
    at = end + 1
  }
  flush(b)
  return out
}

function list(ctx: Ctx, node: CmNode, a: number, b: number): List {
  const ordered = node.listType === 'ordered'
  const children: ListItem[] = []
  for (let c = node.firstChild; c !== null; c = c.next) children.push(item(ctx, c))
  return {
    type: 'list',
    ordered,
    start: ordered ? node.listStart : null,
    spread: !node.listTight,
    children,
    position: pos(ctx, a, Math.max(b, endOf(children))),
  }
}

/** The end of the last of some nodes (0 for none). */
function endOf(nodes: readonly Nodes[]): number {
  let end = 0
  for (const n of nodes) end = Math.max(end, n.position?.end.offset ?? 0)
  return end
}

/** The marker of a list item (`-`, `12.`) and the spaces after it. */
const MARKER = /^(?:[-+*]|\d{1,9}[.)])[ \t]*/

function item(ctx: Ctx, node: CmNode): ListItem {
  const [a, end] = spanOf(ctx, node)
  const firstLine = ctx.source.slice(a, lineEnd(ctx, point(ctx, a).line))
  const content = a + (MARKER.exec(firstLine)?.[0].length ?? 0)
  const blocks = blockChildren(ctx, node)
  // The reference parser ends an empty item (and its parents) at the marker's first character.
  const b = Math.max(end, content, endOf(blocks))
  const children = fillGaps(ctx, blocks, content, b) as BlockContent[]
  const checked = taskBox(ctx, children)
  return { type: 'listItem', spread: false, checked, children, position: pos(ctx, a, b) }
}

/**
 * A GFM task box (`[ ]`, `[x]` followed by a space or tab, first in the item's first paragraph):
 * taken off the paragraph, as the GFM parser does. `null` when the item is no task.
 */
function taskBox(ctx: Ctx, children: BlockContent[]): boolean | null {
  const first = children[0]
  if (first?.type !== 'paragraph' || !first.position) return null
  const a = first.position.start.offset ?? 0
  const b = first.position.end.offset ?? 0
  // After the box: spaces, or a line break (the text then starts on the next line).
  const m = /^\[([ xX])\](?:[ \t]*\n[ \t>]*|[ \t]+)(?=\S)/.exec(ctx.source.slice(a, b))
  if (!m) return null
  first.position = pos(ctx, a + m[0].length, b)
  first.children = phrasing(ctx, a + m[0].length, b)
  return m[1] !== ' '
}

/**
 * Blocks for the text of a container the parser kept out of its tree (reference definitions):
 * each run of non-blank lines between two children becomes a `definition`-like node of its own
 * (a `paragraph` inside list items, so it reads as the item's text), so no word is lost.
 */
function fillGaps(ctx: Ctx, children: BlockContent[], from: number, to: number): Nodes[] {
  const out: Nodes[] = []
  let at = from
  const gap = (end: number): void => {
    for (const [s, e] of nonBlankRuns(ctx.source, at, end)) out.push(leftover(ctx, s, e))
  }
  for (const c of children) {
    const s = c.position?.start.offset ?? at
    if (s > at) gap(s)
    out.push(c)
    at = Math.max(at, c.position?.end.offset ?? at)
  }
  if (to > at) gap(to)
  return out
}

function leftover(ctx: Ctx, s: number, e: number): Paragraph {
  return { type: 'paragraph', children: phrasing(ctx, s, e), position: pos(ctx, s, e) }
}

/** Runs of lines with something on them (container markers and spaces do not count). */
function nonBlankRuns(source: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = []
  let runStart = -1
  let runEnd = -1
  let i = from
  while (i < to) {
    const nl = source.indexOf('\n', i)
    const end = nl < 0 || nl > to ? to : nl
    const line = source.slice(i, end)
    const lead = /^[ \t>]*/.exec(line)?.[0].length ?? 0
    if (line.slice(lead).trim() !== '') {
      if (runStart < 0) runStart = i + lead
      runEnd = i + line.trimEnd().length
    } else if (runStart >= 0) {
      out.push([runStart, runEnd])
      runStart = -1
    }
    i = end + 1
  }
  if (runStart >= 0) out.push([runStart, runEnd])
  return out
}
