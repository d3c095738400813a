import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import * as Y from 'yjs'
import { createSprint, readSprint, type ItemView, type SprintView } from '../../shared/doc'
import { encodeSprintFile, loadSprintFile } from '../../shared/file'
import {
  exportIssue,
  exportSprint,
  exportTeam,
  importComments,
  importIssue,
  pickTemplate,
} from '../../shared/markdown'
import { TEMPLATES, getTemplate, type TemplateDefinition } from '../../shared/template'
import { writeFileAtomic } from '../atomic-file'
import { UsageError, option, type CliArgs } from './args'

/** Where a command writes: normal output and diagnostics. */
export interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8')
}

async function loadSprint(path: string): Promise<Y.Doc> {
  return loadSprintFile(new Uint8Array(await readFile(path)))
}

async function saveSprint(path: string, doc: Y.Doc): Promise<void> {
  await writeFileAtomic(path, encodeSprintFile(doc))
}

function templateOption(args: CliArgs): TemplateDefinition | undefined {
  const id = option(args, 'template')
  if (id === undefined) return undefined
  const t = getTemplate(id)
  if (!t) {
    throw new UsageError(
      `unknown template "${id}" (known: ${TEMPLATES.map((x) => x.id).join(', ')})`,
    )
  }
  return t
}

function outputOption(args: CliArgs): string {
  const path = option(args, 'output')
  if (!path) throw new UsageError('missing -o FILE.sprintpad')
  return path
}

/** `sprintpad templates`: the built-in template ids and names. */
export function templatesCommand(io: Io): void {
  for (const t of TEMPLATES) io.out(`${t.id}\t${t.name}\n`)
}

/** `sprintpad new -o FILE --title T [--template ID] [--team NAME…] [--start D --end D]`. */
export async function newCommand(args: CliArgs, io: Io): Promise<void> {
  const path = outputOption(args)
  if (existsSync(path) && !args.flags.has('force')) {
    throw new UsageError(`${path} already exists (use --force to replace it)`)
  }
  const doc = new Y.Doc()
  const template = templateOption(args) ?? getTemplate('team-2024')
  createSprint(doc, {
    title: option(args, 'title') ?? 'Sprint',
    startDate: option(args, 'start') ?? '',
    endDate: option(args, 'end') ?? '',
    ...(template ? { template } : {}),
    teams: args.options.get('team') ?? [],
  })
  await saveSprint(path, doc)
  io.out(`created ${path}\n`)
}

/** True when a Markdown file is a whole sprint issue rather than one team's comment. */
function isIssueBody(markdown: string, template: TemplateDefinition): boolean {
  const title = template.issue?.title ?? 'Global Sprint Planning'
  return markdown.trimStart().startsWith(`# ${title}`)
}

/** `sprintpad import COMMENT.md [MORE.md…] -o FILE`: creates or extends a sprint. */
export async function importCommand(args: CliArgs, io: Io): Promise<void> {
  const path = outputOption(args)
  if (args.positional.length === 0) throw new UsageError('import needs at least one Markdown file')
  const chosen = templateOption(args)
  const texts = await Promise.all(args.positional.map(readText))
  let doc: Y.Doc
  if (existsSync(path)) doc = await loadSprint(path)
  else {
    doc = new Y.Doc()
    const template = chosen ?? pickTemplate(texts[0] ?? '')
    createSprint(doc, {
      title: option(args, 'title') ?? 'Imported sprint',
      startDate: '',
      endDate: '',
      template,
    })
  }
  const template = readSprint(doc).template
  texts.forEach((text, i) => {
    const file = args.positional[i] as string
    let ids: string[]
    let warnings: string[]
    if (isIssueBody(text, template)) {
      const r = importIssue(doc, text)
      ids = r.teamIds
      warnings = r.warnings
    } else {
      // A file of several comments (each with its team heading) fills each team.
      const r = importComments(doc, text)
      ids = r.teamIds
      warnings = r.warnings
    }
    for (const w of warnings) io.err(`${file}: warning: ${w}\n`)
    const names = readSprint(doc)
      .teams.filter((t) => ids.includes(t.id))
      .map((t) => t.name)
    io.out(`${file}: imported ${names.length > 0 ? names.join(', ') : 'the global sections'}\n`)
  })
  await saveSprint(path, doc)
  io.out(`saved ${path}\n`)
}

/** `sprintpad export FILE [--team NAME | --issue | --all] [--legend]`: Markdown to stdout. */
export async function exportCommand(args: CliArgs, io: Io): Promise<void> {
  const path = args.positional[0]
  if (!path) throw new UsageError('export needs a .sprintpad file')
  const doc = await loadSprint(path)
  const teamName = option(args, 'team')
  if (teamName !== undefined) {
    const view = readSprint(doc)
    const team = view.teams.find((t) => t.name.toLowerCase() === teamName.toLowerCase())
    if (!team) {
      throw new UsageError(
        `no team "${teamName}" (teams: ${view.teams.map((t) => t.name).join(', ') || 'none'})`,
      )
    }
    io.out(exportTeam(doc, team.id, { legend: args.flags.has('legend') }))
  } else if (args.flags.has('issue')) io.out(exportIssue(doc))
  else io.out(exportSprint(doc))
}

/**
 * `sprintpad convert COMMENT.md [--template ID]`: import then export, to stdout (a whole issue
 * body comes back as a whole sprint).
 */
export async function convertCommand(args: CliArgs, io: Io): Promise<void> {
  const file = args.positional[0]
  if (!file) throw new UsageError('convert needs a Markdown file')
  const chosen = templateOption(args)
  const text = await readText(file)
  const template = chosen ?? pickTemplate(text)
  const doc = new Y.Doc()
  createSprint(doc, { title: 'Converted', startDate: '', endDate: '', template })
  if (isIssueBody(text, template)) {
    const result = importIssue(doc, text)
    for (const w of result.warnings) io.err(`${file}: warning: ${w}\n`)
    io.out(exportSprint(doc))
    return
  }
  const result = importComments(doc, text)
  for (const w of result.warnings) io.err(`${file}: warning: ${w}\n`)
  const legend = args.flags.has('legend')
  // Several comments: each team's, a blank line apart (as a whole sprint is written).
  io.out(result.teamIds.map((id) => exportTeam(doc, id, { legend })).join('\n'))
}

function countItems(items: readonly ItemView[]): number {
  return items.reduce((n, i) => n + 1 + countItems(i.children), 0)
}

/** `sprintpad inspect FILE`: teams, item counts per section, and problems found. */
export async function inspectCommand(args: CliArgs, io: Io): Promise<void> {
  const path = args.positional[0]
  if (!path) throw new UsageError('inspect needs a .sprintpad file')
  const view: SprintView = readSprint(await loadSprint(path))
  io.out(`title: ${view.meta.title}\n`)
  if (view.meta.startDate) io.out(`dates: ${view.meta.startDate} to ${view.meta.endDate}\n`)
  io.out(`template: ${view.template.id} (${view.template.name})\n`)
  io.out(`teams: ${view.teams.length}\n`)
  for (const team of view.teams) {
    const total = team.sections.reduce((n, s) => n + countItems(s.items), 0)
    const heroes = team.heroes.map((h) => `@${h.handle}`).join(', ')
    io.out(`- ${team.name}: ${total} items${heroes ? `, support hero ${heroes}` : ''}\n`)
    for (const s of team.sections) {
      const n = countItems(s.items)
      if (n === 0 && s.notes === '') continue
      // A field's heading ends with its own colon (`Support hero:`): one colon is enough.
      const heading = s.heading.replace(/:\s*$/, '')
      const label = heading || (s.definition.layout?.preamble ? '(before the heading)' : '(notes)')
      io.out(`    ${label}: ${n} items${s.notes ? ', notes' : ''}${s.isExtra ? ' [extra]' : ''}\n`)
    }
  }
  io.out(`problems: ${view.problems.length}\n`)
  for (const p of view.problems) io.out(`- ${p.path}: ${p.message}\n`)
}
