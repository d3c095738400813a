import type * as Y from 'yjs'
import type { RootContent } from 'mdast'
import type { TemplateDefinition } from '../template'
import { applyToTeam, createTeam, findTeam } from './apply'
import {
  keptWarnings,
  preambleSection,
  readComment,
  teamHeadingIndex,
  UNNAMED_TEAM,
} from './import'
import type { ParsedComment } from './walk'

/**
 * Where each team comment of a text starts (indexes of its `# Team …` heading among `nodes`), as
 * a whole issue or several pasted comments are cut. Teams start at headings as deep as the first
 * team's or shallower, so a `## Team goals` section inside a `# Team X` comment is not a team;
 * a bare `Team X` line starts one only when the template writes its team heading so.
 */
export function teamStarts(
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
): number[] {
  const out: number[] = []
  let offset = 0
  let depth = 6
  const bare = template.teamHeading.level === 0
  for (;;) {
    const rest = nodes.slice(offset)
    const i = teamHeadingIndex(rest, source, template, bare, depth)
    if (i < 0) return out
    const node = rest[i]
    if (out.length === 0 && node?.type === 'heading') depth = node.depth
    out.push(offset + i)
    offset += i + 1
  }
}

/** One team comment of several: what the reader made of it, and its nodes. */
export interface CommentPart {
  name?: string
  parsed: ParsedComment
  nodes: readonly RootContent[]
}

/**
 * Cuts `nodes` into the team comments starting at `starts`, reading each. The first comment
 * takes everything from `from` (what precedes its heading is its preamble, as a single comment
 * keeps it). Prose after a team's last section and before the next team's heading goes with the
 * next team (a lead's note above it), not into an untitled section at the end of this one.
 */
export function readComments(
  nodes: readonly RootContent[],
  source: string,
  template: TemplateDefinition,
  starts: readonly number[],
  from = starts[0] ?? 0,
): CommentPart[] {
  let between: string[] = []
  return starts.map((start, i) => {
    const part = nodes.slice(i === 0 ? from : start, starts[i + 1] ?? nodes.length)
    const { name, parsed } = readComment(part, source, template)
    if (between.length > 0) parsed.sections.unshift(preambleSection(between.join('\n\n')))
    between = i + 1 < starts.length ? takeTrailingProse(parsed) : []
    return { name, parsed, nodes: part }
  })
}

/**
 * Writes each comment into the team it names (or a new team), inside the caller's transaction;
 * returns the team ids in order. Warnings are added to `warnings`, each saying whose comment it
 * is about.
 */
export function applyComments(
  doc: Y.Doc,
  comments: readonly CommentPart[],
  warnings: string[],
): string[] {
  return comments.map(({ name, parsed, nodes }) => {
    const who = `${name ?? UNNAMED_TEAM}: `
    warnings.push(...keptWarnings(parsed, nodes).map((w) => who + w))
    const found = findTeam(doc, name ?? '', undefined)
    const id = found ?? createTeam(doc, name ?? UNNAMED_TEAM)
    applyToTeam(doc, id, parsed, found === undefined)
    return id
  })
}

/**
 * Takes off a comment's last section when it is only prose the walker put after the last list
 * (a headingless section without items), returning its notes.
 */
function takeTrailingProse(parsed: ParsedComment): string[] {
  const last = parsed.sections.at(-1)
  const layout = last?.def.layout
  if (!last?.isExtra || layout?.headingless !== true || layout.preamble === true) return []
  if (last.items.length > 0 || last.notes.length === 0) return []
  parsed.sections.pop()
  return last.notes
}
