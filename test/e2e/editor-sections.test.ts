import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

const COMMENTS = resolve(import.meta.dirname, '../../../shared/fixtures/comments')
/** The import dialog's default target: the team the comment names, or a new team. */
const BY_NAME = 'The team it names (or a new team)'

async function importComment(p: Page, fixture: string, into: string): Promise<void> {
  const markdown = await readFile(resolve(COMMENTS, fixture), 'utf8')
  await p.getByRole('button', { name: 'Import comment…' }).click()
  const dialog = p.getByRole('dialog', { name: 'Import a GitHub comment' })
  await dialog.getByLabel(/Comment Markdown/).fill(markdown)
  await dialog.getByLabel('Into').selectOption({ label: into })
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect.poll(() => dialog.count()).toBe(0)
}

function preview(p: Page): Promise<string | null> {
  return p.getByLabel('Markdown preview').textContent()
}

describe('section notes and every section', () => {
  it('shows imported notes and the importer’s own sections, and edits them', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await importComment(page, '03-growth-details.md', BY_NAME)
    const growth = team(page, 'Growth')
    // Prose before the team heading, the <details> opening of the Retro, its closing part.
    const before = section(growth, 'Before the team heading')
    const beforeNotes = before.getByRole('textbox', { name: /^Notes: Before the team heading/ })
    expect(await beforeNotes.inputValue()).toContain('Add your notes as a comment below')
    const retroNotes = section(growth, 'Retro').getByRole('textbox', { name: /^Notes: Retro/ })
    expect(await retroNotes.inputValue()).toContain('<details><summary>Retro items')
    expect(await itemTexts(section(growth, 'Retro'))).not.toEqual([])
    const untitled = growth.getByRole('textbox', { name: /^Notes: Untitled section/ })
    expect(await untitled.first().inputValue()).toContain('</details>')

    // Compact at rest, whole while edited.
    await screenshot(page, 'notes-collapsed')
    const rest = await beforeNotes.boundingBox()
    await beforeNotes.focus()
    await expect
      .poll(async () => (await beforeNotes.boundingBox())?.height)
      .toBeGreaterThan((rest?.height ?? 0) + 10)
    await page.keyboard.press('Escape')
    await expect.poll(async () => (await beforeNotes.boundingBox())?.height).toBe(rest?.height)
    await retroNotes.focus()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('\nSee the retro doc.')
    await screenshot(page, 'notes-focused')
    await page.keyboard.press('Escape')
    await expect.poll(() => preview(page)).toContain('<details><summary>Retro items')
    await expect.poll(() => preview(page)).toContain('See the retro doc.')

    // A note of one's own on a section that had none.
    const high = section(growth, 'High priority')
    await high.getByRole('button', { name: /^Add note to High priority/ }).click()
    await page.keyboard.type('Depends on the billing launch.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second line.')
    await expect.poll(() => preview(page)).toContain('Depends on the billing launch.\nSecond line.')
    await page.keyboard.press('Escape')
    expect(await high.getByRole('button', { name: /^Add note/ }).count()).toBe(0)

    // Still there after a reload.
    await expect
      .poll(() => page.getByRole('status', { name: 'Save state' }).innerText())
      .toContain('Saved')
    await page.reload()
    const again = section(team(page, 'Growth'), 'High priority')
    await expect
      .poll(() => again.getByRole('textbox', { name: /^Notes: High priority/ }).inputValue())
      .toBe('Depends on the billing launch.\nSecond line.')
    expect(errors).toEqual([])
  })

  it('shows a legend and the person sections of an import', async ({ page, errors }) => {
    await createSprint(page)
    await importComment(page, '02-error-tracking-emoji.md', BY_NAME)
    await importComment(page, '07-experiments-by-person.md', BY_NAME)
    const legend = page.getByRole('textbox', { name: /^Notes: Retro/ }).first()
    expect(await legend.inputValue()).toContain('✅=finished')
    const experiments = page.locator('article[data-team-id]').nth(1)
    expect(await itemTexts(section(experiments, 'Anders'))).toHaveLength(2)
    expect(await itemTexts(section(experiments, 'Juraj'))).toHaveLength(4)
    // An empty new note goes away again when left empty.
    const high = section(experiments, 'High priority')
    await high.getByRole('button', { name: /^Add note/ }).click()
    await page.keyboard.press('Escape')
    expect(await high.getByRole('textbox', { name: /^Notes:/ }).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('moves an item to the previous or next section by keyboard, and says so', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const pipeline = await addTeam(page, 'Pipeline')
    const high = section(pipeline, 'High priority')
    const low = section(pipeline, 'Low priority / side quests')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Replay the dead letter queue')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Inline the geoip plugin')
    await page.keyboard.press('Alt+Shift+ArrowDown')
    expect(await itemTexts(high)).toEqual(['Replay the dead letter queue'])
    expect(await itemTexts(low)).toEqual(['Inline the geoip plugin'])
    await expect
      .poll(() => page.locator('#sr-announcer').textContent())
      .toBe('Moved to Low priority / side quests')
    // Focus stays on the moved item: typing goes on in it.
    await page.keyboard.type(' (now)')
    expect(await itemTexts(low)).toEqual(['Inline the geoip plugin (now)'])
    await page.keyboard.press('Alt+Shift+ArrowUp')
    expect(await itemTexts(high)).toEqual([
      'Replay the dead letter queue',
      'Inline the geoip plugin (now)',
    ])
    // One undo step per move.
    await page.keyboard.press('Control+z')
    expect(await itemTexts(low)).toEqual(['Inline the geoip plugin (now)'])
    expect(errors).toEqual([])
  })

  it('lists the keyboard shortcuts in a dialog opened with ?', async ({ page, errors }) => {
    await createSprint(page)
    const pipeline = await addTeam(page, 'Pipeline')
    // In a text field `?` is just a character.
    await section(pipeline, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Why?')
    expect(await itemTexts(section(pipeline, 'High priority'))).toEqual(['Why?'])
    expect(await page.getByRole('dialog').count()).toBe(0)
    // Ctrl+/ opens it from a text field; Escape closes it and gives the focus back.
    await page.keyboard.press('Control+/')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect.poll(() => help.isVisible()).toBe(true)
    expect(await help.innerText()).toContain('Move to the previous or next section')
    // Keys pressed together are joined by "+", keys pressed one after the other by "then"; the
    // modifier is the platform's own (Ctrl here on Linux, ⌘ on a Mac), not "Ctrl/Cmd".
    expect(await help.innerText()).toMatch(/Ctrl\s*\+\s*Shift\s*\+\s*A\s*Add a team/)
    expect(await help.innerText()).not.toContain('Ctrl/Cmd')
    expect(await help.innerText()).toMatch(/Esc\s+then\s+Tab\s*Leave the item/)
    await screenshot(page, 'shortcuts-dialog')
    await page.keyboard.press('Escape')
    await expect.poll(() => help.count()).toBe(0)
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.matches('textarea[data-item-id]') ?? false),
      )
      .toBe(true)
    // `?` outside a text field, then the Close button.
    await page.locator('body').click({ position: { x: 5, y: 300 } })
    await page.keyboard.press('?')
    await expect.poll(() => help.isVisible()).toBe(true)
    await help.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => help.count()).toBe(0)
    // And from the header.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await expect.poll(() => help.isVisible()).toBe(true)
    expect(errors).toEqual([])
  })
})
