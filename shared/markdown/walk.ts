import type { Heading, List, Nodes, Paragraph, RootContent } from 'mdast'
import type { SupportHero } from '../doc/types'
import { MAX_HEADING_CHARS, listRoleOf, type ListRole, type TemplateSection } from '../template'
import { headingRemainder, matchFieldLabel, matchSection } from './match'
import { sliceOf, span } from './parse'
import { fieldOf, heroList, inlineHeroes, isOnlyHandles, paragraphLines } from './fields'
import { dedent, parseList, styleOfList, type ParsedItem } from './parse-items'
import type { ListStyle } from '../doc/types'
import { handlesIn, type Legend } from './status-text'

/** A section read from a comment: a template section, or an extra one kept for this team. */
export interface ParsedSection {
  key: string
  def: TemplateSection
  isExtra: boolean
  notes: string[]
  items: ParsedItem[]
  /** How the section's list was numbered (its first list's style), when it had one. */
  list?: ListStyle
  /** The section's first list was the template's placeholder (dropped, but remembered). */
  hasPlaceholder?: boolean
}

/** How the comment wrote a section beside its content: with the guidance, the placeholder. */
export interface WrittenForm {
  /** The section's heading (or field line) is in the comment. */
  isPresent: boolean
  /** The template's guidance comment for the section is in the comment. */
  guidance?: boolean
  /** The section's first list is the template's placeholder. */
  placeholder?: boolean
}

/** What the importer made of one team comment (or of the global part). */
export interface ParsedComment {
  name?: string
  heroes?: SupportHero[]
  /** The support hero line's value as written, when it was on the label's line. */
  heroText?: string
  offDuring?: string
  sections: ParsedSection[]
  /**
   * Per section key, of every target template section with a guidance comment or a placeholder
   * (and of the other eras' sections the comment has): what the comment wrote of them.
   */
  forms?: Record<string, WrittenForm>
}

export interface WalkOptions {
  source: string
  /** The sections of the target template. */
  sections: readonly TemplateSection[]
  /** Sections of every era, for recognised sections the target template lacks. */
  catalog: readonly TemplateSection[]
  legend: Legend
  /**
   * A heading naming one person (`## Ana`) groups the items under it (default). Off for the
   * issue's global part, where `## Announcements` is a section, never a person.
   */
  hasPersonHeadings?: boolean
}

interface State {
  cur?: ParsedSection
  /** The current section already has a list: notes after it start a section of their own. */
  hasList: boolean
  /** The previous node added notes to `cur` (so the next notes extend the same slice). */
  notesOpen: boolean
  notesStart: number
  used: Set<string>
  extraCount: number
  group: string
  lastRole: ListRole
  heroValueEmpty: boolean
  /** Keys of the sections whose guidance comment the comment has. */
  guidance: Set<string>
}

/**
 * Maps the top-level nodes of a parsed comment onto sections. Everything not understood (prose,
 * HTML, rules, legends, unknown headings) is kept verbatim as notes of the current section, or of
 * a section of its own when it comes after the section's list, so that export keeps the order.
 */
export function walkNodes(nodes: readonly RootContent[], opts: WalkOptions): ParsedComment {
  const out: ParsedComment = { sections: [] }
  const st: State = {
    hasList: false,
    notesOpen: false,
    notesStart: 0,
    used: new Set(),
    extraCount: 0,
    group: '',
    lastRole: 'retro',
    heroValueEmpty: false,
    guidance: new Set(),
  }
  nodes.forEach((node, i) => {
    const wasOpen = st.notesOpen
    st.notesOpen = false
    if (node.type === 'heading') heading(node, out, st, opts, wasOpen)
    else if (node.type === 'paragraph') paragraph(node, nodes[i + 1], out, st, opts, wasOpen)
    else if (node.type === 'list') list(node, out, st, opts)
    else if (node.type === 'html' && isGuidance(node.value, st, opts.sections)) return
    else addNotes(node, out, st, opts, wasOpen)
  })
  out.forms = writtenForms(out, st, opts.sections)
  return out
}

/**
 * A guidance comment of the target template, wherever it stands: the exporter writes it back
 * under its own section (remembered in `st.guidance`), so dropping it here loses nothing.
 */
function isGuidance(html: string, st: State, sections: readonly TemplateSection[]): boolean {
  const value = html.trim()
  const cur = st.cur
  const key =
    cur?.def.guidance !== undefined && value === `<!--${cur.def.guidance}-->`
      ? cur.key
      : sections.find((s) => s.guidance !== undefined && value === `<!--${s.guidance}-->`)?.key
  if (key !== undefined) st.guidance.add(key)
  return key !== undefined
}

/** What the comment wrote of each section's guidance and placeholder (see {@link WrittenForm}). */
function writtenForms(
  out: ParsedComment,
  st: State,
  sections: readonly TemplateSection[],
): Record<string, WrittenForm> {
  const forms: Record<string, WrittenForm> = {}
  const add = (def: TemplateSection, sec: ParsedSection | undefined): void => {
    if (def.kind === 'field' || (def.guidance === undefined && def.placeholder === undefined)) {
      return
    }
    forms[def.key] = {
      isPresent: sec !== undefined,
      ...(def.guidance !== undefined ? { guidance: st.guidance.has(def.key) } : {}),
      ...(def.placeholder !== undefined ? { placeholder: sec?.hasPlaceholder === true } : {}),
    }
  }
  for (const def of sections)
    add(
      def,
      out.sections.find((s) => s.key === def.key),
    )
  for (const sec of out.sections) if (sec.isExtra && !/^x\d+$/.test(sec.key)) add(sec.def, sec)
  return forms
}

function enter(sec: ParsedSection, out: ParsedComment, st: State): ParsedSection {
  out.sections.push(sec)
  st.cur = sec
  st.hasList = false
  st.group = ''
  if (sec.def.kind === 'list' && !sec.isExtra) st.lastRole = listRoleOf(sec.def)
  return sec
}

function extra(st: State, def: Omit<TemplateSection, 'key'>): ParsedSection {
  st.extraCount++
  const key = `x${st.extraCount}`
  return { key, def: { ...def, key }, isExtra: true, notes: [], items: [] }
}

/** A headingless section holding what follows a list (or precedes every section). */
function headingless(st: State, opts: { preamble?: boolean } = {}): ParsedSection {
  return extra(st, {
    heading: '',
    level: 0,
    kind: 'list',
    role: 'plain',
    listStyle: 'bullet',
    layout: opts.preamble ? { headingless: true, preamble: true } : { headingless: true },
  })
}

/** The section a known key maps to: the template's, or a copy from another era as an extra. */
function known(key: string, opts: WalkOptions): { def: TemplateSection; isExtra: boolean } | null {
  const own = opts.sections.find((s) => s.key === key)
  if (own) return { def: own, isExtra: false }
  const other = opts.catalog.find((s) => s.key === key)
  return other ? { def: structuredClone(other), isExtra: true } : null
}

function heading(
  node: Heading,
  out: ParsedComment,
  st: State,
  opts: WalkOptions,
  wasOpen: boolean,
): void {
  // Matched on the source as written, so markup in a heading (`<details>`, a link) makes it a
  // heading of the team's own, kept verbatim, rather than a template section that drops it.
  const raw = headingSource(node, opts.source)
  // Too long for a section heading (often a paragraph over a `---`, read as a heading): notes.
  if (raw.length > MAX_HEADING_CHARS) return addNotes(node, out, st, opts, wasOpen)
  const text = raw
  const field = matchFieldLabel(text.replace(/:\s*$/, ''))
  const match =
    (field ? known(field, opts) : null) ??
    wrap(matchSection(text, opts.sections), false) ??
    wrap(matchSection(text, opts.catalog), true)
  if (match && !st.used.has(match.def.key)) {
    st.used.add(match.def.key)
    const sec = enter({ key: match.def.key, ...match, notes: [], items: [] }, out, st)
    // Words beyond the section's name stay, as the first note under its heading.
    const rest = field ? '' : headingRemainder(text, match.def)
    if (rest !== '') sec.notes.push(rest)
    st.heroValueEmpty = match.def.field === 'supportHero'
    return
  }
  const person = opts.hasPersonHeadings !== false && isPersonName(text) ? text.trim() : ''
  const sec = extra(st, {
    heading: raw,
    level: node.depth,
    kind: 'list',
    role: person ? st.lastRole : 'plain',
    listStyle: 'bullet',
    ...(person ? { layout: { person } } : {}),
  })
  enter(sec, out, st)
  st.group = person
}

function wrap(
  def: TemplateSection | undefined,
  isExtra: boolean,
): { def: TemplateSection; isExtra: boolean } | null {
  return def ? { def: isExtra ? structuredClone(def) : def, isExtra } : null
}

/** The heading's content as written (between the `#`s and any closing sequence). */
export function headingSource(node: Heading, source: string): string {
  const first = node.children[0]
  const last = node.children.at(-1)
  if (!first || !last) return ''
  return dedent(source.slice(span(first)[0], span(last)[1]))
}

/** `Anders`, `@dylan-m`: a heading naming one person groups the items under it. */
function isPersonName(text: string): boolean {
  const t = text.trim()
  if (NOT_PEOPLE.has(t.toLowerCase())) return false
  return /^@[A-Za-z0-9-]+$/.test(t) || /^\p{Lu}[\p{Ll}'-]+$/u.test(t)
}

const NOT_PEOPLE = new Set(
  'notes tasks blockers risks misc other updates links context summary background todo done ideas questions decisions actions projects bugs support incidents hiring'.split(
    ' ',
  ),
)

function paragraph(
  node: Paragraph,
  next: RootContent | undefined,
  out: ParsedComment,
  st: State,
  opts: WalkOptions,
  wasOpen: boolean,
): void {
  const lines = paragraphLines(node, opts.source)
  if (lines[0] && fieldOf(lines[0], opts.source)) {
    for (const line of lines) {
      const f = fieldOf(line, opts.source)
      if (f) setField(f.key, f.value, out, st, opts)
      else addNotesText(opts.source.slice(line.start, line.end).trim(), out, st)
    }
    return
  }
  const text = sliceOf(opts.source, node).trim()
  const handles = handlesIn(text)
  if (st.cur?.def.field === 'supportHero' && st.heroValueEmpty && isOnlyHandles(text, handles)) {
    out.heroes = handles.map((handle) => ({ label: '', handle }))
    st.heroValueEmpty = false
    return
  }
  if (next?.type === 'list' && handles.length === 1 && text === `@${handles[0]}`) {
    st.group = text
    return
  }
  addNotes(node, out, st, opts, wasOpen)
}

function setField(
  key: 'supportHero' | 'offDuring',
  value: string,
  out: ParsedComment,
  st: State,
  opts: WalkOptions,
): void {
  const sec = known(key, opts)
  if (sec && !st.used.has(key)) {
    st.used.add(key)
    enter({ key, ...sec, notes: [], items: [] }, out, st)
  }
  const isEmpty = value === '' || value === (sec?.def.placeholder ?? '___')
  if (key === 'offDuring') {
    out.offDuring = isEmpty ? '' : value
    return
  }
  st.heroValueEmpty = value === ''
  if (isEmpty) return
  // Kept as written (weeks inline, a backup in brackets, a name without @), and read for who.
  out.heroes = inlineHeroes(value)
  out.heroText = value
}

function list(whole: List, out: ParsedComment, st: State, opts: WalkOptions): void {
  const node = withoutFieldBullets(whole, out, st, opts)
  if (node.children.length === 0) return
  const cur = st.cur
  if (cur?.def.field === 'supportHero' && st.heroValueEmpty && !st.hasList) {
    const heroes = heroList(node, opts.source)
    if (heroes) {
      out.heroes = heroes
      st.heroValueEmpty = false
      return
    }
  }
  const group = st.group
  // A list numbered otherwise than the one before it in the section (`1.` after `-`) is a
  // list of its own: it keeps its numbering in a section after it.
  const isOtherStyle =
    st.hasList && cur?.list !== undefined && cur.list.ordered !== (node.ordered === true)
  const target =
    (cur && listUnderGroup(cur, out, st, opts)) ??
    (isOtherStyle ? undefined : cur) ??
    enter(headingless(st), out, st)
  const role = listRoleOf(target.def)
  const isFirst = !st.hasList && target.items.length === 0
  const person = target.def.layout?.person
  const sectionGroup = typeof person === 'string' ? person : ''
  if (isFirst && isPlaceholder(node, target.def.placeholder, opts.source)) {
    target.hasPlaceholder = true
    // A bare `@handle` line over the placeholder groups no item: it stays the note it was.
    if (group !== sectionGroup) addNotesText(group, out, st)
    st.group = sectionGroup
    st.hasList = true
    return
  }
  st.hasList = true
  target.list ??= styleOfList(node)
  target.items.push(...parseList(node, { source: opts.source, role, legend: opts.legend }, group))
  st.group = sectionGroup
}

/**
 * A list right under a template group heading (`## Retro` in 2025, `## Plan`) belongs to the
 * group's first list section (`### Tasks`, `### High priority`) when the comment skipped that
 * heading: the section is entered as if its heading had been written.
 */
function listUnderGroup(
  cur: ParsedSection,
  out: ParsedComment,
  st: State,
  opts: WalkOptions,
): ParsedSection | undefined {
  if (cur.isExtra || cur.def.kind !== 'group' || st.hasList) return undefined
  const i = opts.sections.findIndex((s) => s.key === cur.key)
  const next = opts.sections[i + 1]
  if (!next || next.kind !== 'list' || next.level <= cur.def.level || st.used.has(next.key)) {
    return undefined
  }
  st.used.add(next.key)
  return enter({ key: next.key, def: next, isExtra: false, notes: [], items: [] }, out, st)
}

/** Takes `- Support hero: @x` bullets out of a list (setting the field); returns the rest. */
function withoutFieldBullets(node: List, out: ParsedComment, st: State, opts: WalkOptions): List {
  const rest = node.children.filter((li) => {
    const [first, ...more] = li.children
    if (first?.type !== 'paragraph' || more.length > 0) return true
    const line = paragraphLines(first, opts.source)
    const f = line.length === 1 && line[0] ? fieldOf(line[0], opts.source) : null
    if (f) setField(f.key, f.value, out, st, opts)
    return f === null
  })
  return rest.length === node.children.length ? node : { ...node, children: rest }
}

function isPlaceholder(node: List, placeholder: string | undefined, source: string): boolean {
  if (placeholder === undefined) return false
  const norm = (t: string): string =>
    t
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim()
  return norm(sliceOf(source, node)) === norm(placeholder)
}

/** The section notes go to: the current one, or a new headingless one after its list. */
function notesTarget(out: ParsedComment, st: State): ParsedSection {
  if (!st.cur || st.hasList) enter(headingless(st), out, st)
  return st.cur as ParsedSection
}

function addNotes(
  node: Nodes,
  out: ParsedComment,
  st: State,
  opts: WalkOptions,
  wasOpen: boolean,
): void {
  const [a, b] = span(node)
  const target = notesTarget(out, st)
  if (wasOpen && target.notes.length > 0) {
    target.notes[target.notes.length - 1] = opts.source.slice(st.notesStart, b)
  } else {
    st.notesStart = a
    target.notes.push(opts.source.slice(a, b))
  }
  st.notesOpen = true
}

function addNotesText(text: string, out: ParsedComment, st: State): void {
  if (text !== '') notesTarget(out, st).notes.push(text)
}
