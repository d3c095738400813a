import { describe, expect } from 'vitest'
import { addTeam, createSprint, it, itemTexts, screenshot, section, team } from './editor-helpers'

const COMMENT = [
  '# Team Pipeline',
  '',
  '### High priority',
  '',
  '3. Ship the exporter',
  '4. Fix the flaky tests',
  '   1. first action',
  '',
  '### Low priority / side quests',
  '',
  '- stays a bullet',
  '',
].join('\n')

describe('numbered lists in the editor', () => {
  it('draws the numbers the team wrote, and Enter continues them', async ({ page, errors }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog.getByLabel(/Comment Markdown/).fill(COMMENT)
    await dialog.getByLabel('Into').selectOption({ label: 'Pipeline' })
    await dialog.getByRole('button', { name: 'Import' }).click()

    const high = section(team(page, 'Pipeline'), 'High priority')
    await expect
      .poll(() => itemTexts(high))
      .toEqual(['Ship the exporter', 'Fix the flaky tests', 'first action'])
    // The section's list is an <ol> starting at 3; the nested one starts at 1; Low stays bullets.
    expect(await high.locator('ol.items').first().getAttribute('start')).toBe('3')
    expect(await high.locator('ol.items ol.items').getAttribute('start')).toBe('1')
    const low = section(team(page, 'Pipeline'), 'Low priority / side quests')
    expect(await low.locator('ol.items').count()).toBe(0)
    const drawn = (el: Element): string => getComputedStyle(el, '::before').content
    expect(await high.locator('.item-line').first().evaluate(drawn)).toContain('counter(okr)')

    // Enter at the end of the second item adds the fifth.
    const second = high.getByRole('textbox').nth(1)
    await second.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Review the docs')
    await expect.poll(() => itemTexts(high)).toHaveLength(4)
    const preview = page.getByLabel('Markdown preview')
    await expect
      .poll(() => preview.innerText(), { timeout: 10_000 })
      .toContain(
        '3. Ship the exporter\n4. Fix the flaky tests\n   1. first action\n5. Review the docs',
      )
    await high.scrollIntoViewIfNeeded()
    await screenshot(page, 'numbered-list')
    expect(errors).toEqual([])
  })
})

describe('a team of any template', () => {
  it('gets an "Off during the sprint" line, exported under the support hero', async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await web.getByRole('button', { name: '+ Off during the sprint' }).click()
    const field = web.getByLabel('Off during the sprint')
    await field.fill('@ana (Oct 14–18)')
    await expect
      .poll(() => page.getByLabel('Markdown preview').innerText())
      .toContain('**Support hero:** ___\n\n**Off during the sprint:** @ana (Oct 14–18)')
    expect(await web.getByRole('button', { name: '+ Off during the sprint' }).count()).toBe(0)
    await screenshot(page, 'off-during-the-sprint')
    expect(errors).toEqual([])
  })
})

describe('two teams with one name', () => {
  it('are flagged in both panels and told apart in the export team list', async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await createSprint(page)
    await addTeam(page, 'Ingestion')
    await addTeam(page, 'Web')
    const names = page.getByLabel('Team name')
    await names.last().fill('ingestion ')
    await expect.poll(() => page.getByText(/Another team is also named/).count()).toBe(2)
    expect(await names.first().getAttribute('aria-invalid')).toBe('true')
    const options = await page
      .getByRole('combobox', { name: 'Team' })
      .locator('option')
      .allInnerTexts()
    expect(options).toEqual([
      'Ingestion (same name as another team)',
      'ingestion  (same name as another team)',
    ])
    await screenshot(page, 'duplicate-team-name')
    await names.last().fill('Web')
    await expect.poll(() => page.getByText(/Another team is also named/).count()).toBe(0)
    expect(errors).toEqual([])
  })
})
