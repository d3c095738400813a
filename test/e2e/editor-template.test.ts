import { describe, expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

/** The headings of a team panel's sections, in order. */
function sectionHeadings(panel: Locator): Promise<string[]> {
  return panel
    .locator('section[data-section-title]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-section-title') ?? ''))
}

function preview(p: Page): Promise<string | null> {
  return p.getByLabel('Markdown preview').textContent()
}

describe('the sprint’s sections (custom template)', () => {
  it('renames, adds, reorders and removes sections for every team, exports them, and keeps it all', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await addTeam(page, 'Data')
    await section(web, 'Hang over items from previous sprint')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Old migration')

    await page.getByRole('button', { name: 'Sections' }).click()
    const dialog = page.getByRole('dialog', { name: 'Sections of this sprint' })
    await expect.poll(() => dialog.isVisible()).toBe(true)

    // Rename by typing and Enter.
    const highHeading = dialog.locator('[data-section-key="high"]').getByRole('textbox')
    await highHeading.fill('Must do')
    await highHeading.press('Enter')

    // Add a section by keyboard, after Low priority (the default place: last).
    await dialog.getByLabel('Heading', { exact: true }).fill('Risks')
    await dialog.getByLabel('Kind').selectOption({ label: 'List (items can be checked)' })
    await dialog.getByRole('button', { name: 'Add section' }).click()
    // A heading-less section is refused with a message, nothing added.
    await dialog.getByLabel('Heading', { exact: true }).fill('   ')
    await dialog.getByRole('button', { name: 'Add section' }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/needs a heading/)

    // Move OKR above Hang over; focus stays on the moved section's button.
    await dialog.getByRole('button', { name: 'Move “OKR” up' }).click()
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Move “OKR” up')
    // Remove the hang-over section: its item is kept, apart.
    await dialog
      .getByRole('button', { name: 'Remove “Hang over items from previous sprint”' })
      .click()
    await screenshot(page, 'sections-dialog')
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => dialog.count()).toBe(0)

    const expected = ['Retro', 'OKR', 'Must do', 'Low priority / side quests', 'Risks']
    for (const name of ['Web', 'Data']) {
      const headings = await sectionHeadings(team(page, name))
      expect(headings.filter((h) => expected.includes(h))).toEqual(expected)
    }
    // Web had an item in the removed section: it keeps the section as its own; Data does not.
    const hangover = 'Hang over items from previous sprint'
    expect(await sectionHeadings(team(page, 'Data'))).not.toContain(hangover)
    expect(await sectionHeadings(web)).toEqual([
      'Retro',
      'OKR',
      hangover,
      'Must do',
      'Low priority / side quests',
      'Risks',
    ])
    expect(await itemTexts(section(web, hangover))).toEqual(['Old migration'])

    await section(web, 'Risks')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Holidays in August')
    await expect.poll(() => preview(page)).toContain('### Must do\n\n-\n\n')
    await expect
      .poll(() => preview(page))
      .toContain('### Low priority / side quests\n\n-\n\n### Risks\n\n- Holidays in August\n')
    expect(await preview(page)).toContain('## Hang over items from previous sprint')
    await screenshot(page, 'sections-custom-sprint')

    // Everything is stored: a reload shows the same sections and items.
    await page.reload()
    await expect
      .poll(() => itemTexts(section(team(page, 'Web'), 'Risks')))
      .toEqual(['Holidays in August'])
    expect((await sectionHeadings(team(page, 'Data'))).filter((h) => expected.includes(h))).toEqual(
      expected,
    )

    // The toast's Undo puts a removed section back where it was.
    await page.getByRole('button', { name: 'Sections' }).click()
    await dialog.getByRole('button', { name: 'Remove “Must do”' }).click()
    await dialog.getByRole('button', { name: 'Done' }).click()
    expect(await sectionHeadings(team(page, 'Web'))).not.toContain('Must do')
    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click()
    await expect
      .poll(async () =>
        (await sectionHeadings(team(page, 'Web'))).filter((h) => expected.includes(h)),
      )
      .toEqual(expected)
    expect(errors).toEqual([])
  })
})
