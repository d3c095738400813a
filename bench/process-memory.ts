import { readFile, readdir } from 'node:fs/promises'

/** The resident memory of one browser profile's processes, from Linux's /proc. */
export interface ProfileMemory {
  /** How many processes run with this profile (browser, zygotes, GPU, network, renderers…). */
  processes: number
  /** Resident sets of its page renderers (not its own UI's), KiB, largest first. */
  renderersKiB: number[]
  /** Resident sets of all its processes added up, KiB (shared pages are counted in each). */
  totalKiB: number
}

/**
 * Finds the processes started with `--user-data-dir=<dir>` (Chromium passes the flag to every
 * child) and reads their resident set sizes. Linux only; zeros where /proc cannot be read.
 */
export async function profileMemory(dir: string): Promise<ProfileMemory> {
  const flag = `--user-data-dir=${dir}`
  const out: ProfileMemory = { processes: 0, renderersKiB: [], totalKiB: 0 }
  if (dir === '') return out
  const pids = (await readdir('/proc').catch(() => [])).filter((d) => /^\d+$/.test(d))
  for (const pid of pids) {
    const args = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    // Chromium's zygote children rewrite their title: one string of space-separated arguments.
    const argv = args.split(/[\0 ]/)
    if (!argv.includes(flag)) continue
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
    const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
    out.processes++
    out.totalKiB += rss
    const isPageRenderer = argv.includes('--type=renderer') && !argv.includes('--top-chrome-webui')
    if (isPageRenderer) out.renderersKiB.push(rss)
  }
  out.renderersKiB.sort((a, b) => b - a)
  return out
}
