import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

const FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures')
const fixture = (path: string): Promise<string> => readFile(resolve(FIXTURES, path), 'utf8')

/** The headings of the global panel's sections, in order. */
function globalHeadings(p: Page): Promise<string[]> {
  return p
    .getByRole('article', { name: 'Global Sprint Planning' })
    .locator('section')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-section-title') ?? ''))
}

async function issuePreview(p: Page): Promise<string> {
  await p.getByRole('radio', { name: 'Issue body' }).click()
  return (await p.getByLabel('Markdown preview').textContent()) ?? ''
}

describe('the issue body’s own sections', () => {
  it('are imported as sections of their own, exported as written, and edited from the global panel', async ({
    page,
    errors,
  }) => {
    const issue = await fixture('templates/issue-2024.md')
    const body = issue.replace(
      '## 3 things that might take us down\n\n1.\n2.\n3.\n',
      [
        '## Incidents',
        '',
        '- Ingestion lag on 3 July @ana',
        '',
        '## 3 things that might take us down',
        '',
        '1. Kafka upgrade lands mid-sprint',
        '',
        '## Announcements',
        '',
        '- Offsite in Lisbon',
        '',
      ].join('\n'),
    )
    expect(body).toContain('## Announcements')
    const pipeline = await fixture('comments/01-pipeline-clean.md')
    await page.getByRole('button', { name: 'Import issue…' }).click()
    const dialog = page.getByRole('dialog', { name: 'New sprint from an issue body' })
    await dialog.getByLabel('Starts').fill('2024-07-01')
    await dialog.getByLabel('Issue body').fill(`${body}\n${pipeline}`)
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect
      .poll(() => globalHeadings(page))
      .toEqual(['Incidents', '3 things that might take us down', 'Announcements'])
    const global = page.getByRole('article', { name: 'Global Sprint Planning' })
    const incidents = global.locator('section[data-section-title="Incidents"]')
    expect(await itemTexts(incidents)).toEqual(['Ingestion lag on 3 July'])
    await expect.poll(() => issuePreview(page)).toBe(body)
    await screenshot(page, 'global-sections')

    await global.getByRole('button', { name: 'Edit headings…' }).click()
    const edit = page.getByRole('dialog', { name: 'Sections of “Global Sprint Planning”' })
    const first = edit.getByLabel('Heading of issue section 1')
    await first.fill('Outages')
    await first.press('Enter')
    await edit.getByLabel('Heading', { exact: true }).fill('Hiring')
    await edit
      .getByLabel('Place')
      .selectOption({ label: 'After “3 things that might take us down”' })
    await edit.getByRole('button', { name: 'Add section' }).click()
    await edit.getByRole('button', { name: 'Remove “Announcements”' }).click()
    await screenshot(page, 'global-sections-dialog')
    await edit.getByRole('button', { name: 'Done' }).click()
    await expect
      .poll(() => globalHeadings(page))
      .toEqual(['Outages', '3 things that might take us down', 'Hiring'])
    await expect
      .poll(() => issuePreview(page))
      .toContain(
        '## Outages\n\n- Ingestion lag on 3 July @ana\n\n## 3 things that might take us down\n\n1. Kafka upgrade lands mid-sprint\n\n## Hiring\n\n-\n\n# Team sprint planning',
      )
    // Removing took what the section held; Undo in the toast brings it back.
    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => issuePreview(page)).toContain('## Announcements\n\n- Offsite in Lisbon')
    expect(errors).toEqual([])
  })
})

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
