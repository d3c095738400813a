import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium'
import { serveStatic } from '../helpers/static-server'
import { addTeam, createSprint, itemTexts, section, team } from './editor-helpers'

interface Launched {
  process: ChildProcess
  browser: Browser
  page: Page
}

/** Starts Chromium ourselves (own process group) so the test can SIGKILL the whole browser. */
async function launch(profileDir: string): Promise<Launched> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const ws = await new Promise<string>((resolve, reject) => {
    let buf = ''
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint: ${buf}`)), 20_000)
    child.stderr?.on('data', (d: Buffer) => {
      buf += d.toString()
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
  })
  const browser = await chromium.connectOverCDP(ws)
  const context = browser.contexts()[0]
  if (!context) throw new Error('no default context')
  const page = context.pages()[0] ?? (await context.newPage())
  return { process: child, browser, page }
}

function killGroup(p: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    p.once('exit', () => resolve())
    if (p.pid) process.kill(-p.pid, 'SIGKILL')
  })
}

let server: Awaited<ReturnType<typeof serveStatic>>
let dir: string

beforeAll(async () => {
  server = await serveStatic()
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-kill-'))
})

afterAll(async () => {
  await server.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('killing the browser mid-typing', () => {
  it('keeps everything typed more than a second before the kill (several rounds)', async () => {
    let b = await launch(dir)
    await b.page.goto(server.url)
    await createSprint(b.page)
    const url = b.page.url()
    const t = await addTeam(b.page, 'Pipeline')
    await section(t, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    let expected = ''

    for (let round = 0; round < 4; round++) {
      const field = section(team(b.page, 'Pipeline'), 'High priority').locator('textarea').first()
      await field.focus()
      await b.page.keyboard.press('Control+End')
      const typed: { at: number; text: string }[] = []
      let text = expected
      let attempted = expected
      const start = Date.now()
      // Type (at 30 ms a key: faster than anyone types) for 2 s or more, then kill the browser
      // while typing goes on.
      const killAt = start + 2000 + round * 300
      let isKilled = false
      const typing = (async () => {
        for (let i = 0; !isKilled; i++) {
          const ch = String.fromCharCode(97 + ((i + round) % 26))
          attempted += ch
          await b.page.keyboard.type(ch).catch(() => undefined)
          await new Promise((r) => setTimeout(r, 30))
          if (isKilled) break
          text += ch
          typed.push({ at: Date.now(), text })
        }
      })()
      await new Promise((r) => setTimeout(r, killAt - Date.now()))
      const killedAt = Date.now()
      isKilled = true
      await killGroup(b.process)
      await typing
      const safe = typed.filter((x) => x.at <= killedAt - 1000).at(-1)?.text ?? expected
      const all = attempted

      b = await launch(dir)
      await b.page.goto(url)
      await b.page.waitForSelector('textarea[data-item-id]')
      const after = await itemTexts(section(team(b.page, 'Pipeline'), 'High priority'))
      const got = after[0] ?? ''
      expect(got.startsWith(safe), `round ${round}: "${got}" should start with "${safe}"`).toBe(
        true,
      )
      expect(
        all.startsWith(got),
        `round ${round}: "${got}" should be a prefix of what was typed`,
      ).toBe(true)
      expected = got
    }
    await b.browser.close().catch(() => undefined)
    await killGroup(b.process).catch(() => undefined)
  })
})
