import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Platform } from '../../renderer/src/platform'
import { launchProfile, type Profile } from '../helpers/chromium'
import { serveStatic } from '../helpers/static-server'

/*
 * The renderer's platform in a real Chromium, without Electron: the browser fallbacks (download,
 * file input, clipboard) and the "Restore from backup…" dialog against a scripted platform.
 */

const ROOT = resolve(import.meta.dirname, '../..')

const ENTRY = `
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserPlatform } from './renderer/src/platform/browser'
import { RestoreBackupDialog } from './renderer/src/platform/RestoreBackupDialog'

const platform = createBrowserPlatform()
const restored = []
const backups = [
  { id: 's1/2000-0123456789abcdef', createdAt: Date.UTC(2024, 6, 3, 9, 30), size: 2048, ok: true, title: 'Sprint - July 1' },
  { id: 's1/1000-fedcba9876543210', createdAt: Date.UTC(2024, 6, 2, 9, 30), size: 1900, ok: false, title: 'Sprint - July 1' },
]
const fakePlatform = {
  listBackups: async () => backups,
  restoreBackup: async ({ backupId }) => {
    if (window.failRestore) {
      throw new Error("Error invoking remote method 'backup:restoreBackup': CorruptBackupError: backup is corrupt")
    }
    return new Uint8Array([backupId.length])
  },
}
function showRestore() {
  const host = document.createElement('div')
  document.body.append(host)
  createRoot(host).render(createElement(RestoreBackupDialog, {
    sprintId: 's1',
    platform: fakePlatform,
    onRestore: async (bytes) => { restored.push([...bytes]) },
    onClose: () => { window.closedRestore = true },
  }))
}
Object.assign(window, { platform, restored, showRestore })
`

let dir: string
let server: Awaited<ReturnType<typeof serveStatic>>
let profile: Profile
let page: Page

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-platform-'))
  await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'tsx', sourcefile: 'entry.tsx' },
    bundle: true,
    format: 'iife',
    jsx: 'automatic',
    outfile: join(dir, 'app.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  })
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><body><script src="/app.js"></script></body></html>',
  )
  server = await serveStatic(dir)
  profile = await launchProfile()
  page = await profile.context.newPage()
  await page.goto(`${server.url}/`)
})

afterAll(async () => {
  await profile?.remove()
  await server?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('browser platform', () => {
  it('saves Markdown as a download named after the sprint', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() =>
        (
          window as unknown as { platform: { saveMarkdown: (r: unknown) => Promise<unknown> } }
        ).platform.saveMarkdown({
          suggestedName: 'Sprint - July 1',
          text: '## Team Analytics\n',
        }),
      ),
    ])
    expect(download.suggestedFilename()).toBe('Sprint - July 1.md')
    expect(await readFile(await download.path(), 'utf8')).toBe('## Team Analytics\n')
  })

  it('opens a .sprintpad through the file input', async () => {
    const chooser = page.waitForEvent('filechooser')
    const opened = page.evaluate(async () => {
      const file = await (
        window as unknown as {
          platform: { openSprint: () => Promise<{ name: string; bytes: Uint8Array } | null> }
        }
      ).platform.openSprint()
      return file && { name: file.name, bytes: [...file.bytes] }
    })
    const fileChooser = await chooser
    expect(fileChooser.isMultiple()).toBe(false)
    await fileChooser.setFiles({
      name: 'July.sprintpad',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([1, 2, 3]),
    })
    expect(await opened).toEqual({ name: 'July.sprintpad', bytes: [1, 2, 3] })
  })

  it('imports several Markdown files as text', async () => {
    const chooser = page.waitForEvent('filechooser')
    const imported = page.evaluate(() =>
      (
        window as unknown as { platform: { importMarkdown: () => Promise<unknown> } }
      ).platform.importMarkdown(),
    )
    const fileChooser = await chooser
    expect(fileChooser.isMultiple()).toBe(true)
    await fileChooser.setFiles([
      { name: 'a.md', mimeType: 'text/markdown', buffer: Buffer.from('# A ✓\n') },
      { name: 'b.md', mimeType: 'text/markdown', buffer: Buffer.from('# B\n') },
    ])
    expect(await imported).toEqual([
      { name: 'a.md', text: '# A ✓\n' },
      { name: 'b.md', text: '# B\n' },
    ])
  })

  it('copies to the clipboard', async () => {
    await page.evaluate(() =>
      (
        window as unknown as { platform: { copyText: (t: string) => Promise<void> } }
      ).platform.copyText('## Team'),
    )
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('## Team')
  })
})

describe('room secrets in the browser', () => {
  it('stores a room in IndexedDB (sprintpad-secrets) and nothing in localStorage', async () => {
    const stored = await page.evaluate(async () => {
      const { platform } = window as unknown as { platform: Platform }
      localStorage.setItem('sprintpad-room:old', JSON.stringify({ room: 'o', secret: 'old-k' }))
      await platform.setRoom({ sprintId: 's1', room: 'r1', secret: 'k1-long-secret' })
      const old = await platform.getRoom({ sprintId: 'old' })
      const keys = Object.keys(localStorage)
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('sprintpad-secrets')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('rooms').objectStore('rooms').getAll()
          req.onsuccess = () => resolve(req.result)
        }
      })
      return { old, keys, rows }
    })
    expect(stored).toEqual({
      old: { room: 'o', secret: 'old-k' },
      keys: [],
      rows: [
        { room: 'o', secret: 'old-k' },
        { room: 'r1', secret: 'k1-long-secret' },
      ],
    })
  })
})

describe('RestoreBackupDialog', () => {
  it('lists backups with dates, refuses damaged ones and restores a good one', async () => {
    await page.evaluate(() => (window as unknown as { showRestore: () => void }).showRestore())
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' })
    await dialog.getByRole('list', { name: 'Backups' }).waitFor()
    const buttons = dialog.getByRole('button', { name: /^Restore backup of / })
    expect(await buttons.count()).toBe(2)
    expect(await buttons.nth(1).isDisabled()).toBe(true)
    await expect.poll(() => dialog.getByText('Damaged: cannot be restored').count()).toBe(1)

    await page.evaluate(() => Object.assign(window, { failRestore: true }))
    await buttons.nth(0).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('backup is corrupt')

    await page.evaluate(() => Object.assign(window, { failRestore: false }))
    await buttons.nth(0).click()
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { restored: number[][] }).restored))
      .toEqual([['s1/2000-0123456789abcdef'.length]])
    await expect.poll(() => dialog.isVisible()).toBe(false)
  })
})
