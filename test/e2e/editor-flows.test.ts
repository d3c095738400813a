import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

const COMMENTS = resolve(import.meta.dirname, '../../../shared/fixtures/comments')
/** The import dialog's default target: the team the comment names, or a new team. */
const BY_NAME = 'The team it names (or a new team)'

/** Pastes a fixture comment through the import dialog into `into` (BY_NAME or a team's name). */
async function importComment(p: Page, fixture: string, into: string): Promise<void> {
  const markdown = await readFile(resolve(COMMENTS, fixture), 'utf8')
  await p.getByRole('button', { name: 'Import comment…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Import a GitHub comment' })
  await dialog.getByLabel(/Comment Markdown/).fill(markdown)
  await dialog.getByLabel('Into').selectOption({ label: into })
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect.poll(() => dialog.count()).toBe(0)
}

async function statusValues(p: Page, team: string, heading: string): Promise<string[]> {
  return section(p.getByRole('article', { name: `Team ${team}` }), heading)
    .getByRole('combobox', { name: 'Status' })
    .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value))
}

describe('import and the next sprint', () => {
  it('fills a team from a pasted comment, then carries it over to the next sprint', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const pipeline = await addTeam(page, 'Pipeline')
    await importComment(page, '01-pipeline-clean.md', 'Pipeline')
    expect(await itemTexts(section(pipeline, 'Retro'))).toHaveLength(4)
    expect(await statusValues(page, 'Pipeline', 'Retro')).toEqual([
      'done',
      'done',
      'partly',
      'dropped',
    ])
    expect(await itemTexts(section(pipeline, 'Hang over items from previous sprint'))).toHaveLength(
      2,
    )
    expect(await statusValues(page, 'Pipeline', 'OKR')).toEqual(['green', 'yellow', 'red'])
    const high = await itemTexts(section(pipeline, 'High priority'))
    expect(high).toHaveLength(3)
    expect(high[0]).toContain('Replay the dead letter queue from March')
    expect(await itemTexts(section(pipeline, 'Low priority / side quests'))).toHaveLength(1)
    expect(await page.getByLabel('Support hero').inputValue()).toBe('@ana-lopez')

    // Members give the support-hero rotation; one high priority item gets done.
    await pipeline.getByLabel('Members').fill('@ana-lopez @tom-reid @li-wei')
    await pipeline.getByLabel('Members').press('Tab')
    await section(pipeline, 'High priority').getByRole('checkbox', { name: 'Done' }).nth(2).check()
    await expect
      .poll(() => page.getByRole('status', { name: 'Save state' }).innerText())
      .toContain('Saved')

    await page.getByRole('link', { name: 'All sprints' }).click()
    await page
      .getByRole('listitem')
      .filter({ hasText: 'July 1 to July 12' })
      .getByRole('button', { name: 'Start next sprint' })
      .click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.getByLabel('Title').inputValue()).toBe('Sprint - July 15 to July 26')
    await dialog.getByRole('button', { name: 'Start sprint' }).click()
    await expect
      .poll(() => page.getByLabel('Sprint title').inputValue())
      .toBe('Sprint - July 15 to July 26')

    const next = team(page, 'Pipeline')
    const retro = await itemTexts(section(next, 'Retro'))
    expect(retro).toHaveLength(4)
    expect(retro[0]).toContain('Replay the dead letter queue from March')
    // The item ticked done above arrives marked done; the others are left for the team to mark.
    expect(await statusValues(page, 'Pipeline', 'Retro')).toEqual([
      'unmarked',
      'unmarked',
      'done',
      'unmarked',
    ])
    expect(await statusValues(page, 'Pipeline', 'OKR')).toEqual(['green', 'yellow', 'red'])
    const hang = section(next, 'Hang over items from previous sprint')
    expect(await itemTexts(hang)).toHaveLength(3)
    expect(await itemTexts(section(next, 'High priority'))).toEqual([])
    // The support hero is empty, with the next member in rotation suggested.
    expect(await next.getByLabel('Support hero').inputValue()).toBe('')
    await next.getByRole('button', { name: 'Use @tom-reid' }).click()
    expect(await next.getByLabel('Support hero').inputValue()).toBe('@tom-reid')

    // Re-prioritise puts the item into High priority; deprioritise marks it.
    await hang.getByRole('button', { name: 'Re-prioritise' }).first().click()
    await hang.getByRole('button', { name: 'Deprioritise' }).nth(1).click()
    const nowHigh = await itemTexts(section(next, 'High priority'))
    expect(nowHigh).toHaveLength(1)
    expect(nowHigh[0]).toContain('Replay the dead letter queue from March')
    expect(
      await hang.getByRole('button', { name: 'Deprioritise' }).nth(1).getAttribute('aria-pressed'),
    ).toBe('true')
    // Pressing a decision again takes it back: undecided, and the untouched copy goes.
    await hang.getByRole('button', { name: 'Re-prioritise' }).first().click()
    await expect.poll(() => itemTexts(section(next, 'High priority'))).toEqual([])
    expect(
      await hang
        .getByRole('button', { name: 'Re-prioritise' })
        .first()
        .getAttribute('aria-pressed'),
    ).toBe('false')
    // The retro marks are the team's to set.
    await section(next, 'Retro')
      .getByRole('combobox', { name: 'Status' })
      .first()
      .selectOption('partly')
    expect((await statusValues(page, 'Pipeline', 'Retro'))[0]).toBe('partly')
    expect(errors).toEqual([])
  })

  it('says where a comment goes before importing it, by name unless a team is chosen', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const growth = await addTeam(page, 'Growth')
    await section(growth, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Pricing page')
    // Growth has the focus; a Pipeline comment still goes to the team it names by default.
    await importComment(page, '01-pipeline-clean.md', BY_NAME)
    expect(await itemTexts(section(growth, 'Retro'))).toEqual([])
    expect(await itemTexts(section(team(page, 'Pipeline'), 'Retro'))).toHaveLength(4)

    const markdown = await readFile(resolve(COMMENTS, '01-pipeline-clean.md'), 'utf8')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    const where = dialog.getByRole('status')
    expect(await dialog.getByLabel('Into').inputValue()).not.toBe(
      await growth.getAttribute('data-team-id'),
    )
    await dialog.getByLabel(/Comment Markdown/).fill(markdown)
    await expect
      .poll(() => where.innerText())
      .toMatch(/^It will be merged into “Pipeline” \(same name\)\. It has \d+ items already/)
    await dialog.getByLabel(/Comment Markdown/).fill('just some words')
    await expect.poll(() => where.innerText()).toMatch(/new team named “Unnamed”/)
    await dialog.getByLabel('Into').selectOption({ label: 'Growth' })
    await expect
      .poll(() => where.innerText())
      .toBe(
        "It will be merged into “Growth”. It has 1 item already: the comment's items are added after them.",
      )
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    // Cancel gives the focus back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import comment…')
    expect(errors).toEqual([])
  })

  it('rejects bad input with a clear message and changes nothing', async ({ page }) => {
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog.getByLabel(/Comment Markdown/).fill('x'.repeat(3_000_000))
    await dialog.getByLabel('Into').selectOption({ label: 'Pipeline' })
    await dialog.getByRole('button', { name: 'Import' }).click()
    expect(await dialog.getByRole('alert').innerText()).not.toBe('')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await itemTexts(section(team(page, 'Pipeline'), 'Retro'))).toEqual([])
  })
})

describe('every screen', () => {
  it('saves screenshots of the sprints list, a sprint with 3 teams, the export panel, dark mode', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await importComment(page, '01-pipeline-clean.md', BY_NAME)
    await importComment(page, '02-error-tracking-emoji.md', BY_NAME)
    await importComment(page, '05-flags-2026.md', BY_NAME)
    const global = page.getByRole('article', { name: 'Global Sprint Planning' })
    await global.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Kafka upgrade lands mid-sprint')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Two people out the second week')
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    while ((await page.getByRole('button', { name: 'Dismiss' }).count()) > 0) {
      await page
        .getByRole('button', { name: 'Dismiss' })
        .first()
        .click({ timeout: 1000 })
        .catch(() => undefined)
    }
    expect(await page.locator('article[data-team-id]').count()).toBe(3)
    // A projector-sized window shows the three teams side by side.
    await page.setViewportSize({ width: 1920, height: 1080 })
    await screenshot(page, 'sprint-3-teams')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.getByRole('complementary', { name: 'Export' }).screenshot({
      path: resolve(import.meta.dirname, '../../test-results/screenshots/export-panel.png'),
    })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForTimeout(100)
    await screenshot(page, 'sprint-dark')
    await page.keyboard.press('Control+Shift+P')
    await screenshot(page, 'sprint-presenting-dark')
    await page.keyboard.press('Control+Shift+P')
    await page.emulateMedia({ colorScheme: 'light' })
    await page.setViewportSize({ width: 1280, height: 800 })
    await screenshot(page, 'sprint-13-inch')
    await page.getByRole('link', { name: 'All sprints' }).click()
    // The next sprint, started from this 3-team one, has its 3 teams (and the list says so).
    await page.getByRole('button', { name: 'Start next sprint' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Start sprint' }).click()
    await expect.poll(() => page.locator('article[data-team-id]').count()).toBe(3)
    await page.getByRole('link', { name: 'All sprints' }).click()
    await expect.poll(() => page.getByRole('listitem').count()).toBe(2)
    // A row's team count follows its sprint's document (a debounced write, and one as the sprint
    // closes): it can land after the row itself.
    await expect
      .poll(() => page.locator('.sprint-meta').allInnerTexts())
      .toEqual([expect.stringContaining('3 teams'), expect.stringContaining('3 teams')])
    await screenshot(page, 'sprints-list')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForTimeout(100)
    await screenshot(page, 'sprints-list-dark')
    expect(errors).toEqual([])
  })
})
