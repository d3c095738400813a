/**
 * A GitHub Markdown table of `rows` under `headers`, to paste into an issue. Cells are made safe
 * for one table cell: pipes and backslashes escaped, line breaks turned into spaces.
 */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cell = (v: string | number): string =>
    String(v).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim()
  const line = (cells: readonly (string | number)[]): string =>
    `| ${headers.map((_, i) => cell(cells[i] ?? '')).join(' | ')} |`
  return (
    [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n') +
    '\n'
  )
}

/** `42%` */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
