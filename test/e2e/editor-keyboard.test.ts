import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

/**
 * The person typing in the meeting (issue 18): the keyboard alone gets a whole team entered, with
 * one Tab stop per item and keys from section to section and team to team; the focus never gets
 * stuck, and the screen fits a small laptop.
 */

/** What has the keyboard focus: an item's text, or a control's accessible label or text. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'body'
    if (el instanceof HTMLTextAreaElement && el.dataset.itemId) return `item:${el.value}`
    if (el instanceof HTMLInputElement && el.type !== 'checkbox') {
      return `input:${el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.id}`
    }
    return el.getAttribute('aria-label') ?? el.textContent ?? el.tagName
  })
}

/** Presses keys, counting them. */
function keyboard(page: Page) {
  let count = 0
  return {
    press: async (key: string) => {
      count++
      await page.keyboard.press(key)
    },
    type: (text: string) => page.keyboard.type(text),
    take: () => {
      const n = count
      count = 0
      return n
    },
  }
}

describe('keyboard flow', () => {
  it('enters a whole team with the keys alone, two presses from section to section', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const keys = keyboard(page)
    await keys.press('Control+Shift+A')
    // The new team's name has the focus by the time the key is handled (not on a later frame:
    // letters typed at once would land elsewhere).
    expect(await focused(page)).toBe('input:Team name')
    await keys.type('Pipeline')
    await keys.press('Tab')
    expect(await focused(page)).toBe('input:Members')
    await keys.type('@ann @bob')
    await keys.press('Tab')
    await keys.type('@ann')
    const between: Record<string, number> = {}
    const sections: [string, string[]][] = [
      ['Retro', ['Replay the DLQ', 'Heatmaps']],
      ['Hang over items from previous sprint', ['Flag evaluation cache']],
      ['OKR', ['Ingestion never loses an event']],
      ['High priority', ['Ship the new pipeline', 'Load test it']],
      ['Low priority / side quests', ['Tidy the dashboards']],
    ]
    keys.take()
    for (const [name, items] of sections) {
      // Next section: its "Add item" (the section is empty), then Enter makes the first item.
      await keys.press('Alt+PageDown')
      await keys.press('Enter')
      between[name] = keys.take()
      for (const [i, text] of items.entries()) {
        if (i > 0) await keys.press('Enter')
        await keys.type(text)
      }
      keys.take()
    }
    console.log('[keyboard] key presses to reach each section:', JSON.stringify(between))
    expect(Object.values(between).every((n) => n <= 2)).toBe(true)
    const pipeline = team(page, 'Pipeline')
    for (const [name, items] of sections)
      expect(await itemTexts(section(pipeline, name))).toEqual(items)
    // Back up a section, and over to the previous team (the global section) and back.
    await keys.press('Alt+PageUp')
    expect(await focused(page)).toBe('item:Ship the new pipeline')
    await keys.press('Alt+Shift+PageUp')
    expect(await focused(page)).toMatch(/^Add item to 3 things/i)
    await keys.press('Alt+Shift+PageDown')
    expect(await focused(page)).toBe('item:Replay the DLQ')
    // The export panel is open at this width (Ctrl+E would hide it).
    const preview = page.getByLabel('Markdown preview')
    // The preview follows the document once typing settles (and the browser is idle): wait for
    // the last item typed, not just for the first line, on a loaded machine it lags a moment.
    await expect.poll(() => preview.textContent()).toContain('- Tidy the dashboards')
    const markdown = (await preview.textContent()) ?? ''
    expect(markdown).toContain('**Support hero:** @ann')
    expect(markdown).toMatch(/### High priority\s+- Ship the new pipeline\s+- Load test it/)
    await screenshot(page, 'keyboard-team-1440')
    expect(errors).toEqual([])
  })

  it('leaves a top-level item with Shift+Tab, every time, and never traps the focus', async ({
    page,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await section(web, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('First')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Shift+Tab')
    // Nested: Shift+Tab un-nests and stays.
    expect(await focused(page)).toBe('item:Second')
    expect(await itemTexts(section(web, 'High priority'))).toEqual(['First', 'Second'])
    // Top-level: Shift+Tab goes to the previous item, then on out of the list.
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('item:First')
    const seen: string[] = []
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift+Tab')
      seen.push(await focused(page))
    }
    expect(seen).not.toContain('body')
    expect(seen.filter((f) => f.startsWith('item:'))).toEqual([])
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1])
    // Enter afterwards never types into another section's item.
    expect(await itemTexts(section(web, 'High priority'))).toEqual(['First', 'Second'])
  })

  it('has one Tab stop per item; the arrows reach its status, owners and remove button', async ({
    page,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('One')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Two')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Three')
    const first = high.locator('textarea[data-item-id]').first()
    await first.click()
    await page.keyboard.press('Control+End')
    // → at the end of the text walks the item's other controls, ← walks back.
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toBe('input:Add owner')
    await page.keyboard.type('@ann')
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toBe('Remove item')
    await page.keyboard.press('Home')
    // A plain item has no box yet (`- One` in the comment): its first control adds one.
    expect(await focused(page)).toBe('Add a checkbox')
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toBe('item:One')
    await page.keyboard.press('Control+End')
    await page.keyboard.press('ArrowRight')
    expect(await focused(page)).toBe('Remove owner @ann')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('item:Two')
    // Esc, then Tab: the next item, not the controls in between.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('item:Three')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Add item to High priority (Web)')
  })

  it('opens a sprint where the user was typing, not in its title; F2 goes to the title', async ({
    page,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await section(web, 'Low priority / side quests')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Write the docs')
    await page.reload()
    await expect.poll(() => focused(page)).toBe('item:Write the docs')
    await page.keyboard.type('!')
    expect(await page.getByLabel('Sprint title').inputValue()).toMatch(/^Sprint - /)
    await page.keyboard.press('F2')
    expect(await focused(page)).toBe('input:Sprint title')
  })

  it('presents with Import at hand; Esc leaves and brings the export panel back', async ({
    page,
  }) => {
    await createSprint(page)
    await addTeam(page, 'Web')
    const exportButton = page.getByRole('button', { name: 'Export', exact: true })
    expect(await exportButton.getAttribute('aria-pressed')).toBe('true')
    await page.keyboard.press('Control+Shift+P')
    await expect.poll(() => exportButton.getAttribute('aria-pressed')).toBe('false')
    await page.getByRole('button', { name: 'Import…' }).click()
    const dialog = page.getByRole('dialog', { name: /Import/ })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByLabel('Team name').click()
    await page.keyboard.press('Escape')
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('presenting')))
      .toBe(false)
    await expect.poll(() => exportButton.getAttribute('aria-pressed')).toBe('true')
  })

  it('jumps to a team by name with Ctrl+K, or to one of mine', async ({ page }) => {
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await addTeam(page, 'Web analytics')
    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog', { name: 'Jump to a team' })
    await page.keyboard.type('web')
    expect(await dialog.getByRole('option').allTextContents()).toEqual(['Web analytics0 items'])
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('article')?.ariaLabel))
      .toBe('Team Web analytics')
  })
})

describe('small screens', () => {
  it('fits 1024×700: export panel closed at first, hints and dialogs whole, toasts clear', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 })
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    expect(
      await page.getByRole('button', { name: 'Export', exact: true }).getAttribute('aria-pressed'),
    ).toBe('false')
    // Section hints wrap rather than being cut off.
    const cut = await page.$$eval('.section-hint', (els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    )
    expect(cut).toEqual([])
    // A toast never covers the field being typed in.
    const low = section(web, 'Low priority / side quests')
    await low.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('At the bottom of the window')
    await page.keyboard.press('Control+Shift+C')
    const toast = page.locator('.toasts .toast').first()
    await toast.waitFor()
    const [field, box] = [
      await low.locator('textarea[data-item-id]').boundingBox(),
      await toast.boundingBox(),
    ]
    expect(field && box).toBeTruthy()
    if (field && box) {
      const overlaps =
        field.x < box.x + box.width &&
        box.x < field.x + field.width &&
        field.y < box.y + box.height &&
        box.y < field.y + field.height
      expect(overlaps).toBe(false)
    }
    await screenshot(page, 'small-1024-editor')
    // The shortcuts dialog scrolls, with its Close button in view.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    const close = page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', {
      name: 'Close',
    })
    const closeBox = await close.boundingBox()
    expect(closeBox && closeBox.y + closeBox.height <= 700).toBe(true)
    await screenshot(page, 'small-1024-shortcuts')
  })

  it('gives one team the whole width at 1440 px', async ({ page }) => {
    await createSprint(page)
    await addTeam(page, 'Web')
    await page.keyboard.press('Control+e')
    const box = await team(page, 'Web').boundingBox()
    expect(box?.width ?? 0).toBeGreaterThan(1200)
  })

  it('opens a link in an item with Ctrl+click', async ({ page, app }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await section(web, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('https://github.com/PostHog/posthog/pull/1 needs a review')
    const field = section(web, 'High priority').locator('textarea[data-item-id]').first()
    // No network here: the browser is answered by the test.
    await app.profile.context.route('https://github.com/**', (route) =>
      route.fulfill({ body: 'pull request', contentType: 'text/plain' }),
    )
    const opened = app.profile.context.waitForEvent('page')
    await field.click({ modifiers: ['Control'], position: { x: 40, y: 10 } })
    const tab = await opened
    await expect.poll(() => tab.url()).toBe('https://github.com/PostHog/posthog/pull/1')
    await tab.close()
  })
})
