import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { profileMemory } from '../../bench/process-memory'

const children: ReturnType<typeof spawn>[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
})

/**
 * A Node process that looks like one of a profile's Chromium processes by its arguments; with
 * `isRetitled`, it rewrites its command line into one string, as Chromium's zygote children do.
 */
async function fakeChromium(args: string[], isRetitled = false): Promise<void> {
  const retitle = isRetitled ? "process.title = process.argv.slice(1).join(' ');" : ''
  const script = `${retitle} setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', script, '--', ...args], { stdio: 'ignore' })
  children.push(child)
  await new Promise((ok) => child.once('spawn', ok))
  const title = async (): Promise<string> =>
    readFile(`/proc/${child.pid ?? 0}/cmdline`, 'utf8').catch(() => '')
  while (isRetitled && (await title()).includes('\0--\0')) {
    await new Promise((ok) => setTimeout(ok, 20))
  }
}

describe('profileMemory', () => {
  it("adds up the resident sets of a profile's processes and lists its page renderers", async () => {
    const dir = `/tmp/sprintpad-test-profile-${process.pid}`
    await fakeChromium([`--user-data-dir=${dir}`])
    await fakeChromium(['--type=renderer', `--user-data-dir=${dir}`], true)
    await fakeChromium(['--type=renderer', '--top-chrome-webui', `--user-data-dir=${dir}`])
    await fakeChromium(['--type=renderer', `--user-data-dir=${dir}-other`])
    const m = await profileMemory(dir)
    expect(m.processes).toBe(3)
    expect(m.renderersKiB).toHaveLength(1)
    expect(m.renderersKiB[0]).toBeGreaterThan(1000)
    expect(m.totalKiB).toBeGreaterThan((m.renderersKiB[0] ?? 0) * 2)
    // Three Node processes starting up take some CPU; never more than this test has run.
    expect(m.cpuSeconds).toBeGreaterThan(0)
    expect(m.cpuSeconds).toBeLessThan(3 * process.uptime())
  })

  it('is empty for a profile no process uses', async () => {
    expect(await profileMemory('/tmp/sprintpad-no-such-profile')).toEqual({
      processes: 0,
      renderersKiB: [],
      totalKiB: 0,
      cpuSeconds: 0,
    })
  })
})
