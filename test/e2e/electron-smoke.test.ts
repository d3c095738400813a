import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { createSprint } from './editor-helpers'

/*
 * Launches the real app in Electron with Playwright's `_electron`. Where the Electron binary is
 * not installed (ELECTRON_SKIP_BINARY_DOWNLOAD), the test is skipped and says why.
 */

const ROOT = resolve(import.meta.dirname, '../..')

/** The Electron binary, found the way `require('electron')` finds it, or why it is missing. */
function findElectron(): { path: string } | { reason: string } {
  try {
    const path: unknown = createRequire(import.meta.url)('electron')
    if (typeof path !== 'string') return { reason: 'the electron package exported no binary path' }
    if (!existsSync(path)) return { reason: `the Electron binary is missing at ${path}` }
    return { path }
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message})` }
  }
}

const electron = findElectron()

describe('Electron smoke', () => {
  let app: ElectronApplication | undefined
  let dir = ''

  afterAll(async () => {
    await app?.close().catch(() => undefined)
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('launches, shows the sprints list, creates a sprint and saves a .sprintpad', async (context) => {
    if ('reason' in electron) {
      console.warn(`[electron-smoke] skipped: ${electron.reason}`)
      context.skip(electron.reason)
      return
    }
    execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, stdio: 'inherit' })
    dir = await mkdtemp(join(tmpdir(), 'sprintpad-electron-'))
    const target = join(dir, 'saved.sprintpad')
    app = await _electron.launch({
      executablePath: electron.path,
      args: ['.'],
      cwd: ROOT,
      env: { ...process.env, SPRINTPAD_USER_DATA_DIR: join(dir, 'user-data') },
    })
    // Answer the native save dialog (bridge) and a browser-style download the same way.
    await app.evaluate(({ dialog, session }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as never
      session.defaultSession.on('will-download', (_event, item) => item.setSavePath(path))
    }, target)

    const page = await app.firstWindow()
    expect(page.url()).toBe('app://sprintpad/')
    await page.getByRole('heading', { name: 'Sprintpad' }).waitFor()
    await page.getByRole('button', { name: 'New sprint' }).waitFor()
    expect(await page.evaluate(() => typeof (window as { sprintpad?: unknown }).sprintpad)).toBe(
      'object',
    )
    expect(await page.evaluate(() => typeof (window as { require?: unknown }).require)).toBe(
      'undefined',
    )

    await createSprint(page)
    await page.getByRole('button', { name: 'Export' }).click()
    await page.getByRole('button', { name: 'Save .sprintpad' }).click()
    await expect.poll(() => existsSync(target), { timeout: 15_000 }).toBe(true)
    const bytes = await readFile(target)
    expect(bytes.byteLength).toBeGreaterThan(0)
  })
})
