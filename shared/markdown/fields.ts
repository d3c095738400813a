import type { List, Paragraph, PhrasingContent } from 'mdast'
import type { SupportHero } from '../doc/types'
import { matchFieldLabel } from './match'
import { parseTree, plainText, sliceOf, span } from './parse'
import { handlesIn } from './status-text'

/**
 * Field lines of a team comment (`**Support hero:** @x`, `**Support hero**: @x`,
 * `Support hero: @x`), read from the paragraph's inline nodes, and the per-week hero list.
 */

/** True when a text is only `@handles` joined by commas, `&`, `/` or `and`. */
export function isOnlyHandles(text: string, handles: readonly string[]): boolean {
  let rest = text
  for (const h of handles) rest = rest.replace(`@${h}`, '')
  return handles.length > 0 && /^[\s,&/]*(and[\s,&/]*)*$/i.test(rest)
}

/** One source line of a paragraph: its offsets and the inline nodes on it. */
export interface Line {
  start: number
  end: number
  nodes: PhrasingContent[]
}

/** Splits a paragraph's inline nodes into source lines (at the soft line breaks). */
export function paragraphLines(node: Paragraph, source: string): Line[] {
  const lines: Line[] = []
  let cur: Line = { start: span(node)[0], end: span(node)[0], nodes: [] }
  for (const child of node.children) {
    const [a, b] = span(child)
    let from = a
    // A text node may span several lines: close the current line at each newline in it.
    for (let nl = source.indexOf('\n', from); nl >= 0 && nl < b; nl = source.indexOf('\n', from)) {
      cur.end = nl
      cur.nodes.push(child)
      lines.push(cur)
      from = nl + 1
      cur = { start: from, end: from, nodes: [] }
    }
    if (from < b && (from === a || source.slice(from, b).trim() !== '')) {
      cur.nodes.push(child)
      cur.end = b
    }
  }
  lines.push(cur)
  return lines
}

/** A field line: `**Support hero:** x`, `**Support hero**: x` or `Support hero: x`. */
export function fieldOf(
  line: Line,
  source: string,
): { key: 'supportHero' | 'offDuring'; value: string } | null {
  const first = line.nodes[0]
  if (!first) return null
  const [a, b] = span(first)
  let label: string
  let valueStart: number
  if (first.type === 'strong') {
    label = plainText(first).trim()
    valueStart = Math.max(b, line.start)
    const after = source.slice(valueStart, line.end)
    if (!label.endsWith(':') && after.trimStart().startsWith(':')) {
      valueStart += after.indexOf(':') + 1
    }
  } else if (first.type === 'text') {
    const text = source.slice(Math.max(a, line.start), line.end)
    const colon = text.indexOf(':')
    if (colon < 0) return null
    label = text.slice(0, colon)
    // A plain label is words only: `\*…` or `Support hero\:` are escaped text, not a field.
    if (!/^[\p{L}\p{N} ]+$/u.test(label)) return null
    valueStart = Math.max(a, line.start) + colon + 1
  } else return null
  const key = matchFieldLabel(label.replace(/:\s*$/, ''))
  if (!key) return null
  return { key, value: source.slice(valueStart, line.end).trim() }
}

/**
 * Where to put a backslash so that no top-level paragraph of a text reads back as a field line
 * (`Support hero: x` gets `Support hero\: x`, `**Support hero:** x` gets `\**Support…`).
 */
export function fieldLineEscapes(text: string): number[] {
  const out: number[] = []
  for (const node of parseTree(text).children) {
    if (node.type !== 'paragraph') continue
    const line = paragraphLines(node, text)[0]
    if (!line || fieldOf(line, text) === null) continue
    const [a] = span(node)
    const colon = text.indexOf(':', a)
    out.push(/[\p{L}\p{N}]/u.test(text.charAt(a)) && colon > a ? colon : a)
  }
  return out
}

/** Support heroes written as a list (`- week 1: @neil-k`), or `null` when it is not one. */
export function heroList(node: List, source: string): SupportHero[] | null {
  const out: SupportHero[] = []
  for (const li of node.children) {
    if (li.children.length !== 1 || li.children[0]?.type !== 'paragraph') return null
    const text = sliceOf(source, li.children[0]).trim()
    const handles = handlesIn(text)
    if (handles.length !== 1 || !text.endsWith(`@${handles[0]}`)) return null
    const label = text.slice(0, -`@${handles[0]}`.length).trim().replace(/:$/, '').trim()
    out.push({ label, handle: handles[0] as string })
  }
  return out.length > 0 ? out : null
}

/** Whether a line of the text has a field's label (`Support hero`, …) before a colon. */
function mayHoldFieldLine(text: string): boolean {
  if (!FIELD_CANDIDATE.test(text)) return false
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0 && matchFieldLabel(line.slice(0, colon).replace(/[*_]/g, '')) !== undefined) {
      return true
    }
  }
  return false
}

/** A line that may read as a field line: a label of words, then a colon (in or after bold). */
const FIELD_CANDIDATE =
  /^[ \t]*(?:\*\*|__)?[\p{L}\p{N} ]+(?:\*\*|__)?[ \t]*:|^[ \t]*(?:\*\*|__)[\p{L}\p{N} ]+:/mu

/**
 * A text with an escape in every paragraph that would read back as a field line (`Support hero:
 * x` gets `Support hero\: x`), so that notes and items stay what they are. Texts with no line
 * shaped like a label and a colon are returned as they are, unparsed.
 */
export function notFieldLike(text: string): string {
  if (!mayHoldFieldLine(text)) return text
  const hit = FIELD_LIKE_CACHE.get(text)
  if (hit !== undefined) return hit
  let s = text
  for (let pass = 0; pass < 3 && s !== ''; pass++) {
    const at = fieldLineEscapes(s).sort((x, y) => y - x)
    if (at.length === 0) break
    for (const i of at) s = `${s.slice(0, i)}\\${s.slice(i)}`
  }
  if (FIELD_LIKE_CACHE.size > 5000) FIELD_LIKE_CACHE.clear()
  FIELD_LIKE_CACHE.set(text, s)
  return s
}

const FIELD_LIKE_CACHE = new Map<string, string>()

/**
 * The support heroes an inline field value names, with the label written before each (`Week 1:
 * @a, Week 2: @b` → Week 1 / a, Week 2 / b; `@a (backup @b)` → a, b; `Anders` → none).
 */
export function inlineHeroes(value: string): SupportHero[] {
  const out: SupportHero[] = []
  for (const part of value.split(/[,;]/)) {
    const handles = handlesIn(part)
    const first = handles[0]
    const label = first === undefined ? '' : part.slice(0, part.indexOf(`@${first}`))
    const clean = label.replace(/[:\-–\s]+$/u, '').trim()
    // Only words before the handle label it (`Week 1:`); `(`, `and` or `&` do not.
    const isLabel = /^[\p{L}\p{N}][\p{L}\p{N} ./]*$/u.test(clean) && !/^(and|&)$/i.test(clean)
    for (const handle of handles) out.push({ label: isLabel ? clean : '', handle })
  }
  return out
}

/** Whether two lists of heroes name the same people with the same labels, in order. */
export function sameHeroes(a: readonly SupportHero[], b: readonly SupportHero[]): boolean {
  return (
    a.length === b.length && a.every((h, i) => h.handle === b[i]?.handle && h.label === b[i]?.label)
  )
}
