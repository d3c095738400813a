import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, it } from './editor-helpers'

/** Opens the History panel and waits for its checkpoints. */
async function openHistory(page: Page) {
  await page.getByRole('button', { name: 'History' }).click()
  const dialog = page.getByRole('dialog', { name: 'History' })
  await dialog.getByRole('navigation', { name: 'Checkpoints' }).waitFor()
  return dialog
}

describe('history', () => {
  it('shows what changed and who changed it, restores a team and undoes the restore', async ({
    page,
    errors,
  }) => {
    // Who I am, as the Sync settings store it: the History names people from it.
    await page.evaluate(() =>
      localStorage.setItem(
        'sprintpad.sync.settings',
        JSON.stringify({
          user: { name: 'Ana Lopez', color: '#46a758', handle: 'ana-lopez' },
          extraSignaling: [],
          iceServers: [],
        }),
      ),
    )
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Ship the login page')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Fix the build')

    // The state at the end of the meeting, kept by hand.
    let history = await openHistory(page)
    await history.getByRole('button', { name: 'Save a checkpoint now' }).click()
    await expect
      .poll(() => history.getByRole('navigation', { name: 'Checkpoints' }).innerText())
      .toMatch(/Saved by hand/)
    await history.getByRole('button', { name: 'Close' }).click()

    // Later: one item changed, one removed, one added.
    await high.locator('textarea[data-item-id]').nth(1).fill('Fix the build on CI')
    await high.locator('textarea[data-item-id]').first().focus()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Review the onboarding flow')
    expect(await itemTexts(high)).toEqual([
      'Ship the login page',
      'Review the onboarding flow',
      'Fix the build on CI',
    ])

    history = await openHistory(page)
    // "Now" comes first: what changed since the checkpoint, and who changed it.
    const changes = history.getByRole('article', { name: 'Changes in Web' })
    await expect.poll(() => changes.count()).toBe(1)
    const diff = changes.getByRole('table', { name: 'Diff of Web' })
    const code = (kind: string) =>
      diff
        .locator(`tr.diff-${kind} td.diff-code`)
        .evaluateAll((els) => els.map((e) => e.textContent))
    await expect
      .poll(() => code('add'))
      .toEqual(['+Added: - Review the onboarding flow', '+Added: - Fix the build on CI'])
    expect(await code('remove')).toEqual(['-Removed: - Fix the build'])
    expect(await changes.innerText()).toContain('Ana Lopez')
    await screenshot(page, 'history-now')

    // The checkpoint by hand: restore Web as it was then.
    await history.getByRole('button', { name: /Saved by hand/ }).click()
    await history
      .getByRole('article', { name: 'Changes in Web' })
      .getByRole('button', { name: 'Restore Web as it was then' })
      .click()
    await expect.poll(() => history.isVisible()).toBe(false)
    await expect.poll(() => itemTexts(high)).toEqual(['Ship the login page', 'Fix the build'])
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringMatching(/^Restored Web as it was at .*: 1 removed, 1 changed/))

    // Ctrl+Z undoes the whole restore at once.
    await page.keyboard.press('Control+z')
    await expect
      .poll(() => itemTexts(high))
      .toEqual(['Ship the login page', 'Review the onboarding flow', 'Fix the build on CI'])

    // The restore itself is in the history: a checkpoint of the state before it.
    history = await openHistory(page)
    await expect
      .poll(() => history.getByRole('navigation', { name: 'Checkpoints' }).innerText())
      .toMatch(/Before a restore/)
    await screenshot(page, 'history-checkpoints')
    expect(errors).toEqual([])
  })
})
