/**
 * Long texts built for the Markdown escaping's tests and benchmarks: the same deterministic text
 * at any size, so a golden file, a round-trip test and the bench's ms-per-KB lines all export
 * the very same kinds of markup.
 */

/**
 * One repeat of {@link rawHtmlText}: inline tags with attributes, a self-closing tag, a comment,
 * an autolink, tags in a code span, a tag split over two lines, and a line that starts with a
 * block-level tag (an HTML block interrupting the item's paragraph).
 */
const RAW_HTML_UNIT = [
  'Ship <b>the</b> <a href="https://e.com/x" title="go">exporter</a> with <i>care</i>,<br/>',
  'a|b `<code>` <!-- note --> & co. <span class="x">next',
  'line</span> <https://e.com/auto> <kbd>Ctrl</kbd>+<kbd>Z</kbd>',
  '<details><summary>More</summary> said @ana',
].join('\n')

/** An item text of about `size` UTF-16 code units, full of raw HTML (see RAW_HTML_UNIT). */
export function rawHtmlText(size: number): string {
  const repeats = Math.max(1, Math.round(size / (RAW_HTML_UNIT.length + 1)))
  return Array.from({ length: repeats }, () => RAW_HTML_UNIT).join('\n')
}
