import { describe, expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { createSprint, it, screenshot } from './editor-helpers'

/*
 * Toasts, dialogs and the share panel, as a person meets them: errors that go away and never
 * cover the export panel's buttons, Cancel that gives the focus back to what opened the dialog,
 * a share panel that behaves like a dialog (focus in, Escape out) and says only what it can do.
 */

const toasts = (page: Page): Locator => page.locator('.toasts .toast')

function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement)
}

/** Drops a file that is not Markdown on the sprint: the app says so in an error toast. */
async function dropTextFile(page: Page, name: string): Promise<void> {
  await page.locator('main.sprint-main').evaluate((main, name) => {
    const data = new DataTransfer()
    data.items.add(new File(['x'], name, { type: 'text/plain' }))
    main.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    )
  }, name)
}

async function openSprintFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open .sprintpad…' }).click()
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes })
}

function overlaps(a: DOMRectLike, b: DOMRectLike): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

interface DOMRectLike {
  x: number
  y: number
  width: number
  height: number
}

describe('error toasts', () => {
  it('say what is wrong with a file in words, one at a time, and go away', async ({
    page,
    errors,
  }) => {
    await openSprintFile(page, 'notes.sprintpad', Buffer.from('# Team X\n'))
    await expect
      .poll(() => toasts(page).allInnerTexts())
      .toEqual([expect.stringContaining('Could not open the file: This is not a Sprintpad file.')])
    // Random bytes after the magic: damaged, not "saved by a newer Sprintpad (format 30840)".
    await openSprintFile(page, 'bad.sprintpad', Buffer.from('SPRNTPAD' + 'x'.repeat(100)))
    await expect
      .poll(() => toasts(page).allInnerTexts())
      .toEqual([expect.stringContaining('Could not open the file: This Sprintpad file is damaged')])
    const text = (await toasts(page).innerText()).toLowerCase()
    for (const internal of ['sprntpad', 'version', 'checksum', '30840']) {
      expect(text).not.toContain(internal)
    }
    // The same error again is not stacked: never more than one toast from now until it expires
    // (watched in the page, so no moment is missed however long reading the file takes).
    await page.evaluate(() => {
      const count = (): number => document.querySelectorAll('.toasts .toast').length
      document.body.dataset.mostToasts = String(count())
      new MutationObserver(() => {
        const most = Math.max(Number(document.body.dataset.mostToasts), count())
        document.body.dataset.mostToasts = String(most)
      }).observe(document.body, { childList: true, subtree: true })
    })
    await openSprintFile(page, 'bad.sprintpad', Buffer.from('SPRNTPAD' + 'x'.repeat(100)))
    // Errors expire (10 s from the last time shown) too.
    await expect.poll(() => toasts(page).count(), { timeout: 30_000 }).toBe(0)
    expect(await page.evaluate(() => document.body.dataset.mostToasts)).toBe('1')
    expect(errors).toEqual([])
  })

  it('leave the export panel’s buttons uncovered and go when the screen changes', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await page.getByRole('button', { name: '+ Add team' }).click()
    await page.keyboard.type('Analytics')
    const exportPanel = page.getByRole('complementary', { name: 'Export' })
    await exportPanel.getByRole('button', { name: 'Copy as GitHub comment' }).click()
    await dropTextFile(page, 'a.txt')
    await dropTextFile(page, 'b.txt')
    await expect
      .poll(() => toasts(page).allInnerTexts())
      .toEqual([
        expect.stringContaining('Copied as a GitHub comment'),
        expect.stringContaining('Drop a Markdown (.md) file to import it'),
      ])
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
      { width: 1000, height: 800 },
    ]) {
      await page.setViewportSize(size)
      await screenshot(page, `toasts-and-export-${size.width}x${size.height}`)
      const buttons = await exportPanel.getByRole('button').all()
      for (const toast of await toasts(page).all()) {
        const box = await toast.boundingBox()
        for (const button of buttons) {
          const other = await button.boundingBox()
          if (box && other) expect(overlaps(box, other), `${size.width}px`).toBe(false)
        }
      }
    }
    // The screenshots above can outlast the 3 s of "Copied": show both toasts again, then leave.
    await page.setViewportSize({ width: 1280, height: 800 })
    await exportPanel.getByRole('button', { name: 'Copy as GitHub comment' }).click()
    await dropTextFile(page, 'c.txt')
    await expect
      .poll(() => toasts(page).allInnerTexts())
      .toEqual([
        expect.stringContaining('Copied as a GitHub comment'),
        expect.stringContaining('Drop a Markdown (.md) file to import it'),
      ])
    await page.getByRole('link', { name: 'All sprints' }).click()
    await page.getByRole('button', { name: 'New sprint' }).waitFor()
    // The error goes on the hashchange that changes the screen, not in the new screen's render.
    await expect
      .poll(() => toasts(page).allInnerTexts())
      .toEqual([expect.stringContaining('Copied as a GitHub comment')])
    expect(errors).toEqual([])
  })
})

describe('Cancel gives the focus back to what opened the dialog', () => {
  it('on the sprints list: New sprint, Import issue, Sync settings, Join a sprint', async ({
    page,
    errors,
  }) => {
    for (const [opener, dialogName] of [
      ['New sprint', 'New sprint'],
      ['Import issue…', 'New sprint from an issue body'],
      ['Join a sprint…', 'Join a sprint'],
    ] as const) {
      const button = page.getByRole('button', { name: opener, exact: true })
      await button.click()
      const dialog = page.getByRole('dialog', { name: dialogName })
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await isFocused(button), opener).toBe(true)
    }
    const settings = page.getByRole('button', { name: 'Sync settings…' })
    await settings.click()
    const form = page.getByRole('form', { name: 'Sync settings' })
    await form.getByLabel('Display name').fill('Not kept')
    await form.getByRole('button', { name: 'Cancel' }).click()
    await form.waitFor({ state: 'detached' })
    expect(await isFocused(settings)).toBe(true)
    await settings.click()
    expect(await form.getByLabel('Display name').inputValue()).not.toBe('Not kept')
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })

  it('in a sprint: Import comment and Sync settings', async ({ page, errors }) => {
    await createSprint(page)
    const importButton = page.getByRole('button', { name: 'Import comment…' })
    await importButton.click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await isFocused(importButton)).toBe(true)
    const gear = page.getByRole('button', { name: 'Sync settings', exact: true })
    await gear.click()
    const form = page.getByRole('form', { name: 'Sync settings' })
    await form.getByRole('button', { name: 'Cancel' }).click()
    await form.waitFor({ state: 'detached' })
    expect(await isFocused(gear)).toBe(true)
    expect(errors).toEqual([])
  })
})

describe('the share panel', () => {
  it('takes the focus, closes on Escape and gives it back to Share', async ({ page, errors }) => {
    await createSprint(page)
    const share = page.getByRole('button', { name: 'Share', exact: true })
    await share.click()
    const panel = page.getByRole('dialog', { name: 'Share this sprint' })
    await expect.poll(() => panel.evaluate((p) => p.contains(document.activeElement))).toBe(true)
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await isFocused(share)).toBe(true)
    expect(await share.getAttribute('aria-expanded')).toBe('false')
    // Enter opens it again, the close button closes it the same way.
    await page.keyboard.press('Enter')
    await panel.getByRole('button', { name: 'Close' }).click()
    await panel.waitFor({ state: 'detached' })
    expect(await isFocused(share)).toBe(true)
    expect(errors).toEqual([])
  })

  it('in a browser without a signaling server, asks for one instead of promising', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const share = page.getByRole('button', { name: 'Share', exact: true })
    await share.click()
    const panel = page.getByRole('dialog', { name: 'Share this sprint' })
    await expect
      .poll(() => panel.innerText())
      .toContain('A browser cannot be found by others on its own')
    expect(await panel.innerText()).not.toMatch(/edit this sprint|network edits/)
    expect(await panel.getByRole('button', { name: 'Share this sprint' }).count()).toBe(0)
    await screenshot(page, 'share-panel-no-signaling')

    // Its settings button opens the settings and closes the panel (not left open under them).
    await panel.getByRole('button', { name: 'Sync settings…' }).click()
    const form = page.getByRole('form', { name: 'Sync settings' })
    await form.getByLabel(/signaling/i).fill('wss://signal.example.org')
    expect(await panel.count()).toBe(0)
    await form.getByRole('button', { name: 'Save' }).click()
    await form.waitFor({ state: 'detached' })
    expect(await isFocused(share)).toBe(true)

    await share.click()
    await expect
      .poll(() => panel.innerText())
      .toContain('People on your network, through signal.example.org, can join')
    await panel.getByRole('button', { name: 'Share this sprint' }).waitFor()
    // The header's settings button closes the panel too.
    await page.getByRole('button', { name: 'Sync settings', exact: true }).click()
    await form.waitFor()
    expect(await panel.count()).toBe(0)
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })
})
