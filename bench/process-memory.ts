import { readFile, readdir } from 'node:fs/promises'

/** The resident memory and CPU time of one browser profile's processes, from Linux's /proc. */
export interface ProfileMemory {
  /** How many processes run with this profile (browser, zygotes, GPU, network, renderers…). */
  processes: number
  /** Resident sets of its page renderers (not its own UI's), KiB, largest first. */
  renderersKiB: number[]
  /** Resident sets of all its processes added up, KiB (shared pages are counted in each). */
  totalKiB: number
  /** CPU time its processes have used so far (user + system), seconds. */
  cpuSeconds: number
}

/** Linux's clock ticks per second for /proc/<pid>/stat times (`getconf CLK_TCK`: 100). */
const CLOCK_TICKS = 100

/**
 * Finds the processes started with `--user-data-dir=<dir>` (Chromium passes the flag to every
 * child) and reads their resident set sizes and CPU times. Linux only; zeros where /proc cannot be read.
 */
export async function profileMemory(dir: string): Promise<ProfileMemory> {
  const flag = `--user-data-dir=${dir}`
  const out: ProfileMemory = { processes: 0, renderersKiB: [], totalKiB: 0, cpuSeconds: 0 }
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
    // Fields 14 and 15 (utime, stime) after the parenthesised name, which may hold spaces.
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    out.cpuSeconds += (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / CLOCK_TICKS
    out.totalKiB += rss
    const isPageRenderer = argv.includes('--type=renderer') && !argv.includes('--top-chrome-webui')
    if (isPageRenderer) out.renderersKiB.push(rss)
  }
  out.renderersKiB.sort((a, b) => b - a)
  return out
}
