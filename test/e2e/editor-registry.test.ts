import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, team, it } from './editor-helpers'

function row(p: Page, title: string) {
  return p.getByRole('listitem').filter({ has: p.getByRole('link', { name: title, exact: true }) })
}

async function rowMeta(p: Page, title: string): Promise<string> {
  return row(p, title).locator('.sprint-meta').innerText()
}

describe('the sprints list while a sprint is edited', () => {
  it('always shows the sprint’s current title, dates and team count', async ({ page, errors }) => {
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await addTeam(page, 'Growth')
    await addTeam(page, 'Replay')
    await page.getByRole('link', { name: 'All sprints' }).click()
    await expect.poll(() => rowMeta(page, 'Sprint - July 1 to July 12')).toContain('3 teams')

    // Started from the 3-team sprint: the new sprint has the 3 teams too.
    await row(page, 'Sprint - July 1 to July 12')
      .getByRole('button', { name: 'Start next sprint' })
      .click()
    await page.getByRole('dialog').getByRole('button', { name: 'Start sprint' }).click()
    await expect
      .poll(() => page.getByLabel('Sprint title').inputValue())
      .toBe('Sprint - July 15 to July 26')
    await page.getByRole('link', { name: 'All sprints' }).click()
    await expect.poll(() => rowMeta(page, 'Sprint - July 15 to July 26')).toContain('3 teams')

    // Edited inside the sprint: a team removed, the title and the end date changed.
    await row(page, 'Sprint - July 15 to July 26').getByRole('link').click()
    await team(page, 'Replay').getByRole('button', { name: 'Remove Replay' }).click()
    await page.getByLabel('Sprint title').fill('Sprint 43')
    await page.getByLabel('to', { exact: true }).fill('2024-07-30')
    await page.getByRole('link', { name: 'All sprints' }).click()
    await expect.poll(() => rowMeta(page, 'Sprint 43')).toContain('2 teams')
    // The list's write is debounced from the first change: one can show the title and the team
    // count while the end date, changed last, is still on its way.
    await expect.poll(() => rowMeta(page, 'Sprint 43')).toContain('Jul 30')

    // A change made just before the window went away reaches the list too.
    await row(page, 'Sprint 43').getByRole('link').click()
    await addTeam(page, 'Flags')
    // Saved in the document; the list's own (debounced) write may not have happened yet.
    await expect
      .poll(() => page.getByRole('status', { name: 'Save state' }).innerText())
      .toContain('Saved')
    await page.reload()
    await expect.poll(() => team(page, 'Flags').count()).toBe(1)
    await page.getByRole('link', { name: 'All sprints' }).click()
    await expect.poll(() => rowMeta(page, 'Sprint 43')).toContain('3 teams')
    expect(errors).toEqual([])
  })
})
