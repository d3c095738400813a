import process from 'node:process'
import { option, parseArgs, UsageError } from './args'
import {
  convertCommand,
  exportCommand,
  importCommand,
  inspectCommand,
  newCommand,
  templatesCommand,
  type Io,
} from './commands'
import { exportAtCommand, historyCommand } from './history-commands'

const USAGE = `Usage: sprintpad <command> [options]

  new -o FILE.sprintpad --title TITLE [--template ID] [--team NAME]… [--start YYYY-MM-DD --end YYYY-MM-DD] [--force]
  import COMMENT.md [MORE.md…] -o FILE.sprintpad [--template ID] [--title TITLE]
  export FILE.sprintpad [--team NAME | --issue | --all] [--legend] [--at N]
  history FILE.sprintpad [--diff N]
  convert COMMENT.md [--template ID] [--legend]
  inspect FILE.sprintpad
  templates
  serve [--port 4455] [--data DIR | --database postgres://…] [--redis redis://…]   (serve --help)
`

const VALUED = new Set(['output', 'title', 'template', 'team', 'start', 'end', 'at', 'diff'])

/**
 * Runs the CLI with the given arguments; returns the exit code (0 ok, 1 error, 2 usage), or
 * `'running'` once `serve` has started the server (it runs until SIGINT / SIGTERM).
 */
export async function main(argv: readonly string[], io: Io): Promise<number | 'running'> {
  if (argv[0] === 'serve') {
    // Loaded only for `serve`: the server's dependencies (a native SQLite module) stay out of
    // every other command.
    const { runServer } = await import('../server/cli')
    return runServer(argv.slice(1), io)
  }
  try {
    const args = parseArgs(argv, VALUED)
    switch (args.command) {
      case 'templates':
        templatesCommand(io)
        return 0
      case 'new':
        await newCommand(args, io)
        return 0
      case 'import':
        await importCommand(args, io)
        return 0
      case 'export': {
        const at = option(args, 'at')
        await (at === undefined ? exportCommand(args, io) : exportAtCommand(args, io, at))
        return 0
      }
      case 'history':
        await historyCommand(args, io)
        return 0
      case 'convert':
        await convertCommand(args, io)
        return 0
      case 'inspect':
        await inspectCommand(args, io)
        return 0
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return 0
      default:
        throw new UsageError(`unknown command "${args.command}" (try sprintpad help)`)
    }
  } catch (e) {
    const message = describeError(e)
    io.err(`sprintpad: ${oneLine(message)}\n`)
    return e instanceof UsageError ? 2 : 1
  }
}

function describeError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code
  const path = (e as { path?: unknown } | null)?.path
  if (code === 'ENOENT' && typeof path === 'string') return `no such file: ${path}`
  if (code === 'EISDIR' && typeof path === 'string') return `is a directory: ${path}`
  return e instanceof Error ? e.message : String(e)
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

// A reader that stops early (`sprintpad export … | head`) closes the pipe: that ends the command
// quietly, as for any Unix tool, instead of a stack trace for EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw e
})

const io: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}
const code = await main(process.argv.slice(2), io)
if (code !== 'running') process.exitCode = code
