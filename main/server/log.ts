/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Structured fields of a log line (plain JSON values; never a token or a secret). */
export type LogFields = Record<string, string | number | boolean | null | undefined>

/** Writes one structured event. */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/**
 * A logger writing one JSON object per line (`{"time":…,"level":…,"event":…, …fields}`), the
 * shape log collectors (journald, Docker, Loki, CloudWatch) parse without configuration.
 * Lines below `minLevel` are skipped.
 */
export function jsonLogger(
  write: (line: string) => void = (line) => void process.stdout.write(line),
  minLevel: LogLevel = 'info',
): Logger {
  return {
    log(level, event, fields = {}) {
      if (RANK[level] < RANK[minLevel]) return
      write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`)
    },
  }
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(): Logger & {
  lines: { level: LogLevel; event: string; fields: LogFields }[]
} {
  const lines: { level: LogLevel; event: string; fields: LogFields }[] = []
  return { lines, log: (level, event, fields = {}) => void lines.push({ level, event, fields }) }
}
