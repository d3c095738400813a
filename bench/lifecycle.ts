import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

/**
 * What a benchmark that starts browsers and servers needs to stop by itself: everything it opens
 * is registered here and closed on success, failure, its deadline or Ctrl+C alike.
 */
const open = new Set<() => Promise<void>>()
let isStopping = false

/**
 * Registers something to close; returns its closer. Once the bench is stopping (deadline), a
 * browser or server that was still starting is closed as soon as it is registered.
 */
export async function track(close: () => Promise<void>): Promise<() => Promise<void>> {
  if (isStopping) {
    await close()
    throw new Error('bench stopped')
  }
  open.add(close)
  return async () => {
    open.delete(close)
    await close()
  }
}

async function closeAll(): Promise<void> {
  isStopping = true
  await Promise.allSettled([...open].map((close) => close()))
  open.clear()
  isStopping = false
}

/**
 * Runs `measure` and closes everything it tracked afterwards, also when it throws, when it
 * passes `deadlineMs` (then it rejects with `name` in the message) or on SIGINT / SIGTERM.
 */
export async function runTracked(
  name: string,
  deadlineMs: number,
  measure: () => Promise<void>,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} bench over ${deadlineMs} ms`)), deadlineMs)
  })
  const interrupted = (): void => {
    void closeAll().finally(() => process.exit(130))
  }
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  try {
    await Promise.race([measure(), deadline])
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await closeAll()
  }
}

/**
 * The production renderer, built the way the e2e global setup builds it, into a temporary
 * directory removed when the bench closes. Returns the directory.
 */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'sprintpad-bench-renderer-'))
  await track(() => rm(outDir, { recursive: true, force: true }))
  await build({
    configFile: resolve(import.meta.dirname, '../renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  return outDir
}
