import type { List, ListItem, Nodes } from 'mdast'
import { decisionOf, withoutDecision, type ItemStatus } from '../doc/status'
import { listStyle } from '../doc/list-style'
import type { ListStyle } from '../doc/types'
import type { ListRole } from '../template'
import { sliceOf, span } from './parse'
import {
  CHECKED_STATUS,
  handlesIn,
  ownersInParentheses,
  takeLeadingGlyph,
  takeOwners,
  takeTrailingGlyph,
  withDecision,
  type Legend,
} from './status-text'

/** An item read from Markdown, before it is written to the document. */
export interface ParsedItem {
  text: string
  owners: string[]
  status?: ItemStatus
  isTask: boolean
  group: string
  /** How `children` were numbered (their first nested list's style); absent: bullets. */
  list?: ListStyle
  children: ParsedItem[]
}

/** The style a Markdown list is written in: `1.`, `3.` (start 3) or bullets. */
export function styleOfList(list: List): ListStyle {
  return listStyle(list.ordered === true, list.start ?? 1)
}

export interface ItemContext {
  source: string
  role: ListRole
  legend: Legend
}

const ONLY_HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[\w.-]+)?$/

/**
 * Items of a list. A top-level bullet holding only a `@handle` and a nested list is a person
 * grouping: its children become items grouped under that person (`group`).
 */
export function parseList(list: List, ctx: ItemContext, group: string): ParsedItem[] {
  const out: ParsedItem[] = []
  for (const li of list.children) {
    const grouped = asGroup(li, ctx)
    if (grouped) {
      for (const child of grouped.children) out.push({ ...child, group: grouped.group })
    } else {
      out.push({ ...parseListItem(li, ctx), group })
    }
  }
  return out
}

function asGroup(li: ListItem, ctx: ItemContext): { group: string; children: ParsedItem[] } | null {
  const [first, ...rest] = li.children
  if (li.checked !== null && li.checked !== undefined) return null
  if (first?.type !== 'paragraph' || rest.length === 0) return null
  if (!rest.every((b) => b.type === 'list')) return null
  const text = dedent(sliceOf(ctx.source, first))
  if (!ONLY_HANDLE.test(text)) return null
  const children = rest.flatMap((b) => (b.type === 'list' ? b.children : []))
  return { group: text, children: children.map((c) => parseListItem(c, ctx)) }
}

/** One list item: its first block is the text; nested lists (and any other block) children. */
export function parseListItem(li: ListItem, ctx: ItemContext): ParsedItem {
  const [first, ...rest] = li.children
  const hasText = first !== undefined && first.type !== 'list'
  const isTask = li.checked === true || li.checked === false
  const raw = hasText ? dedent(taskText(ctx.source, first, isTask)) : ''
  const children: ParsedItem[] = []
  let list: ListStyle | undefined
  for (const block of hasText ? rest : li.children) {
    if (block.type === 'list') {
      list ??= styleOfList(block)
      for (const c of block.children) children.push(parseListItem(c, ctx))
    } else children.push(textItem(dedent(sliceOf(ctx.source, block as Nodes))))
  }
  const lead = takeLeadingGlyph(raw, ctx.role, ctx.legend)
  const own = takeOwners(lead.text)
  // One status per item: with a leading glyph, a trailing one is the writer's text, kept.
  const trail: { text: string; status?: ItemStatus } = lead.status
    ? { text: own.text }
    : takeTrailingGlyph(own.text, ctx.role, ctx.legend)
  let status = lead.status ?? trail.status
  let text = trail.text
  const decision = ctx.role === 'hangover' ? decisionOf(text) : undefined
  if (decision) {
    status = decision
    // The decision word leaves the text (the Re-prioritise / Deprioritise buttons show it) when
    // the exporter writes it back byte for byte; another spelling stays as written.
    const base = withoutDecision(text)
    if (base !== '' && withDecision(base, decision) === text) text = base
  }
  if (isTask && status === undefined) {
    status = li.checked ? CHECKED_STATUS[ctx.role] : ctx.role === 'plain' ? 'unchecked' : undefined
  }
  // Owners in parentheses stay in the text, whatever came off its end.
  const owners = [...new Set([...own.owners, ...ownersInParentheses(text)])]
  return {
    text,
    owners,
    ...(status !== undefined ? { status } : {}),
    isTask,
    group: '',
    ...(list?.ordered ? { list } : {}),
    children,
  }
}

/**
 * A task item's first block after its box. The parser starts the paragraph after the box only
 * when plain text follows it; with markup first (`[ ] **Bold**`, `[x] [PR](…)`) the box is still
 * in the paragraph's source and would be written twice.
 */
function taskText(source: string, block: Nodes, isTask: boolean): string {
  const text = sliceOf(source, block)
  if (!isTask) return text
  const [a] = span(block)
  const before = source.slice(source.lastIndexOf('\n', a - 1) + 1, a)
  if (/\[[ xX]\][ \t]*$/.test(before)) return text
  return text.replace(/^\[[ xX]\](?:[ \t]+|$)/, '')
}

function textItem(text: string): ParsedItem {
  return { text, owners: handlesIn(text), isTask: false, group: '', children: [] }
}

/** A block's source with the container indentation of its continuation lines removed. */
export function dedent(text: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.trimStart()))
    .join('\n')
    .trim()
}
