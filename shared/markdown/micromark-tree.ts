import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

/**
 * Parses a short text with the GFM parser (micromark), every node positioned: for the escaping
 * of exported text and the inline nodes of a field line. Slow on long texts (a few ms per KB):
 * whole comments go through `parseBlocks` instead. No size check or defusing: only for texts
 * built or already bounded by this module.
 */
export function parseTree(source: string): Root {
  parses++
  return fromMarkdown(source, PARSE_OPTIONS)
}

let parses = 0

/** How many texts {@link parseTree} has parsed since the program started (for benchmarks). */
export function parseCount(): number {
  return parses
}

// Built once: constructing the GFM extensions costs more than parsing a short text.
const PARSE_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }
