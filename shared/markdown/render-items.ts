import type { ItemView } from '../doc/types'
import type { ListRole } from '../template'
import { safeInline } from './sanitize'
import { notFieldLike } from './fields'
import { CHECKED_STATUS, glyphOf, ownersToAppend, withDecision, type Legend } from './status-text'

/** How a list is written: its role (statuses), style and the person its section is about. */
export interface ListContext {
  role: ListRole
  ordered: boolean
  /** The first number of an ordered list. */
  start: number
  legend: Legend
  /** Items grouped under this person are the section's own (a `## Anders` section). */
  person: string
}

/**
 * Renders items as Markdown list lines: `- [ ] ✅ text @owner`, OKRs numbered, children nested
 * under their parent's content column, and runs of top-level items grouped under a person
 * written as a `- @person` bullet holding them.
 */
export function renderList(items: readonly ItemView[], ctx: ListContext): string[] {
  const lines: string[] = []
  let n = ctx.start
  let i = 0
  while (i < items.length) {
    const item = items[i] as ItemView
    const group = item.group === ctx.person ? '' : item.group
    const marker = ctx.ordered ? `${n}.` : '-'
    n++
    if (group === '') {
      lines.push(...renderItem(item, ctx, '', marker))
      i++
      continue
    }
    let j = i
    while (j < items.length && (items[j] as ItemView).group === item.group) j++
    const pad = ' '.repeat(marker.length + 1)
    lines.push(`${marker} ${safeInline(group)}`)
    items
      .slice(i, j)
      .forEach((member, k) => lines.push(...renderItem(member, ctx, pad, '-', k === 0)))
    i = j
  }
  return lines
}

function renderItem(
  item: ItemView,
  ctx: ListContext,
  indent: string,
  bullet: string,
  isFirstNested = false,
): string[] {
  const raw = ctx.role === 'hangover' ? withDecision(item.text, item.status) : item.text
  // A top-level plain item reading `**Support hero:** x` would be read back as the field.
  const text = indent === '' && !item.isTask ? notFieldLike(safeInline(raw)) : safeInline(raw)
  const isChecked = item.status === CHECKED_STATUS[ctx.role]
  // A plain item ticked done is a task from then on, however it was ticked (box or Ctrl+Enter).
  const isTask = item.isTask || (ctx.role === 'plain' && isChecked)
  const glyph = isTask && isChecked ? undefined : glyphOf(item.status, ctx.role, ctx.legend)
  const owners = ownersToAppend(text, item.owners).map((o) => `@${o}`)
  const textLines = text.split('\n')
  const last = textLines.length - 1
  textLines[last] = [textLines[last], ...owners].filter((p) => p !== '').join(' ')
  const head = [glyph, textLines[0]]
    .filter((p): p is string => p !== undefined && p !== '')
    .join(' ')
  // A box needs text after it, or it reads back as the literal text `[ ]`.
  const box = isTask && head !== '' ? (isChecked ? '[x] ' : '[ ] ') : ''
  // A bare `-` right under its parent's text would underline it (a setext heading): use `*`.
  // (A number cannot be swapped; a numbered child list goes a line down instead, see below.)
  const marker = head === '' && isFirstNested && bullet === '-' ? '*' : bullet
  const pad = indent + ' '.repeat(marker.length + 1)
  const lines = [head === '' ? `${indent}${marker}` : `${indent}${marker} ${box}${head}`]
  for (const line of textLines.slice(1)) lines.push(pad + line)
  const childCtx = { ...ctx, ordered: item.list.ordered, start: item.list.start }
  item.children.forEach((child, k) => {
    const marker = childCtx.ordered ? `${childCtx.start + k}.` : '-'
    const childLines = renderItem(child, childCtx, pad, marker, k === 0)
    // A numbered list interrupts its parent's text only when it starts at 1 with text: else it
    // would read as more of that text, so it goes one blank line down.
    const isBare = childLines[0]?.trim() === marker
    if (k === 0 && head !== '' && childCtx.ordered && (childCtx.start !== 1 || isBare)) {
      lines.push('')
    }
    lines.push(...childLines)
  })
  return lines
}
