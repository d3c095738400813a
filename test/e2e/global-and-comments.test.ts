import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures')
const fixture = (path: string): Promise<string> => readFile(resolve(FIXTURES, path), 'utf8')

describe('several comments pasted into Import comment…', () => {
  it('lists each team before importing, then imports each into its own team', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const pipeline = await addTeam(page, 'Pipeline')
    await section(pipeline, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Already planned')
    const text = [
      await fixture('comments/01-pipeline-clean.md'),
      await fixture('comments/03-growth-details.md'),
      await fixture('comments/07-experiments-by-person.md'),
    ].join('\n')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog.getByLabel('Into').selectOption({ label: 'Pipeline' })
    await dialog.getByLabel(/Comment Markdown/).fill(text)
    const where = dialog.getByRole('status', { name: 'Where it goes' })
    const lines = async (): Promise<string[]> =>
      (await where.innerText()).split('\n').filter((l) => l.trim() !== '')
    await expect
      .poll(lines)
      .toEqual([
        '3 comments found: each goes to the team it names (not into the chosen team).',
        'Team Pipeline: merged into “Pipeline”. It has 1 item already: the comment’s items are added after them.'.replace(
          '’',
          "'",
        ),
        'Team Growth: a new team.',
        'Team Experiments: a new team.',
      ])
    expect(await dialog.getByLabel('Into').isDisabled()).toBe(true)
    await screenshot(page, 'import-several-comments')
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    const names = await page
      .getByLabel('Team name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    expect(names).toEqual(['Pipeline', 'Growth', 'Experiments'])
    expect((await itemTexts(section(team(page, 'Pipeline'), 'High priority')))[0]).toBe(
      'Already planned',
    )
    expect(await itemTexts(section(team(page, 'Growth'), 'Retro'))).not.toEqual([])
    await expect.poll(() => page.locator('.toasts').innerText()).toMatch(/3 comments imported/)
    expect(errors).toEqual([])
  })
})
