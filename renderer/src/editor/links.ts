/** Schemes an item's link may open with (the desktop app's URL policy checks them again). */
const OPENABLE = /^(?:https:\/\/|http:\/\/|mailto:)/i

const MARKDOWN_LINK = /\[[^\]\n]*\]\(([^()\s]+)\)/g
const BARE_URL = /\b(?:https?:\/\/|mailto:)[^\s<>()[\]"'`]+/gi

/**
 * The link at `index` of an item's text, if it is one that may open: a Markdown link
 * (`[PR](https://…)`, anywhere on its label or address) or a bare `https://…` / `mailto:`
 * address (without the punctuation that ends a sentence after it).
 */
export function linkAt(text: string, index: number): string | undefined {
  for (const m of text.matchAll(MARKDOWN_LINK)) {
    if (index >= m.index && index <= m.index + m[0].length) {
      return OPENABLE.test(m[1] ?? '') ? m[1] : undefined
    }
  }
  for (const m of text.matchAll(BARE_URL)) {
    const url = m[0].replace(/[.,;:!?]+$/, '')
    if (index >= m.index && index <= m.index + url.length) return url
  }
  return undefined
}
