/**
 * The block layout of an exported comment: each block is one or more lines, and the number of
 * blank lines after it comes from the template's layout, so an empty team reproduces the
 * template file byte for byte.
 */
export interface Block {
  text: string
  /** Blank lines after this block (default 1). */
  gapAfter?: number
  /** The block ends with a list item: a following line would continue it, so it needs a gap. */
  endsWithList?: boolean
  /**
   * What the block is. A gap of 0 is only kept where the next line cannot merge into this block:
   * after a guidance comment, and between two field lines (read back line by line).
   */
  kind?: 'field' | 'guidance'
}

/** Joins blocks with their gaps; the result ends with exactly one newline (or is empty). */
export function joinBlocks(blocks: readonly Block[]): string {
  let out = ''
  blocks.forEach((b, i) => {
    out += b.text
    if (i === blocks.length - 1) return
    const next = blocks[i + 1]
    const canTouch = b.kind === 'guidance' || (b.kind === 'field' && next?.kind === 'field')
    const gap = Math.max(b.gapAfter ?? 1, b.endsWithList || !canTouch ? 1 : 0)
    out += '\n'.repeat(gap + 1)
  })
  return out === '' ? '' : out + '\n'
}

/** A numeric layout value of a template record, or the fallback. */
export function layoutNumber(
  layout: Readonly<Record<string, string | number | boolean>> | undefined,
  key: string,
  fallback: number,
): number {
  const v = layout?.[key]
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? v : fallback
}

/** A string layout value of a template record, or the fallback. */
export function layoutString(
  layout: Readonly<Record<string, string | number | boolean>> | undefined,
  key: string,
  fallback: string,
): string {
  const v = layout?.[key]
  return typeof v === 'string' ? v : fallback
}
