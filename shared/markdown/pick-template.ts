import type { RootContent } from 'mdast'
import { TEMPLATES, type TemplateDefinition } from '../template'
import { templateText } from './export-issue'
import { matchSection, scoreTemplate } from './match'
import { parseMarkdown, parseTree, plainText } from './parse'

/**
 * The built-in template whose sections best match a comment's headings and field labels (a 2025
 * comment gets a 2025 template back). A sprint issue body is matched by the template in its
 * fenced block. When no heading matches any template, or on a tie, the earlier template in
 * {@link TEMPLATES} wins, so the default is chosen when nothing tells them apart. Throws
 * `MarkdownImportError` over the size cap.
 */
export function pickTemplate(markdown: string): TemplateDefinition {
  const { root } = parseMarkdown(markdown)
  for (const node of root.children) {
    if (node.type !== 'code') continue
    const exact = TEMPLATES.find((t) => templateText(t).trim() === node.value.trim())
    if (exact) return structuredClone(exact)
  }
  const headings = headingsOf(root.children)
  const all = TEMPLATES.flatMap((t) => t.sections)
  let best = TEMPLATES[0] as TemplateDefinition
  if (!headings.some((h) => matchSection(h, all))) return structuredClone(best)
  let bestScore = -Infinity
  for (const t of TEMPLATES) {
    const score = scoreTemplate(t, headings)
    if (score > bestScore) {
      best = t
      bestScore = score
    }
  }
  return structuredClone(best)
}

/** Headings and `Label:` starts of lines, including those of a fenced template copy. */
function headingsOf(nodes: readonly RootContent[]): string[] {
  const out: string[] = []
  for (const node of nodes) {
    if (node.type === 'heading') out.push(plainText(node))
    if (node.type === 'code') out.push(...headingsOf(parseTree(node.value).children))
    if (node.type === 'paragraph') {
      for (const line of plainText(node).split('\n')) {
        const colon = line.indexOf(':')
        if (colon > 0) out.push(line.slice(0, colon))
      }
    }
  }
  return out
}
