/** A parsed command line: the command, its positional arguments and its options. */
export interface CliArgs {
  command: string
  positional: string[]
  /** Options by name (without dashes); repeatable options keep every value in order. */
  options: Map<string, string[]>
  flags: Set<string>
}

/** A command-line mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

const SHORT: Readonly<Record<string, string>> = { o: 'output', h: 'help' }

/**
 * Parses `command [args…] [--name value | --flag | -o value]`. Which options take a value is
 * given by `valued`; anything else starting with `-` is a flag.
 */
export function parseArgs(argv: readonly string[], valued: ReadonlySet<string>): CliArgs {
  const [command = 'help', ...rest] = argv
  const out: CliArgs = { command, positional: [], options: new Map(), flags: new Set() }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string
    if (arg === '--') {
      out.positional.push(...rest.slice(i + 1))
      break
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg)
      continue
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string?]
    const name = SHORT[rawName] ?? rawName
    if (!valued.has(name)) {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`)
      out.flags.add(name)
      continue
    }
    const value = inline ?? rest[++i]
    if (value === undefined) throw new UsageError(`option --${name} needs a value`)
    out.options.set(name, [...(out.options.get(name) ?? []), value])
  }
  return out
}

/** The single value of an option, if given (the last one wins). */
export function option(args: CliArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1)
}
