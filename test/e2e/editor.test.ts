import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import { addTeam, createSprint, itemOutline, itemTexts, section, team, it } from './editor-helpers'

const GOLDEN = resolve(import.meta.dirname, '../fixtures/editor')

describe('the planning editor', () => {
  it('edits a sprint by keyboard, undoes, and finds everything after a reload', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    expect(await page.getByLabel('Sprint title').inputValue()).toBe('Sprint - July 1 to July 12')
    const pipeline = await addTeam(page, 'Pipeline')
    await addTeam(page, 'Growth')
    await pipeline.getByLabel('Support hero').fill('@tom-reid')
    await pipeline.getByLabel('Support hero').press('Enter')

    // Type items; Enter adds the next one, Tab nests, Shift+Tab un-nests, Alt+Up reorders.
    const high = section(pipeline, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Replay the dead letter queue')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Separate pipeline for heatmaps')
    await page.keyboard.press('Enter')
    await page.keyboard.type('split the topic')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Inline the geoip plugin')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Alt+ArrowUp')
    expect(await itemOutline(high)).toEqual([
      'Replay the dead letter queue',
      'Inline the geoip plugin',
      'Separate pipeline for heatmaps',
      '  split the topic',
    ])
    // Backspace on an empty item removes it.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    expect(await itemTexts(high)).toHaveLength(4)

    // Status and owners.
    const first = high.getByRole('listitem').first()
    // An item typed in the app is plain (`- text`): it gets a box, then ticks it.
    expect(await first.getByRole('checkbox', { name: 'Done' }).count()).toBe(0)
    await first.getByRole('button', { name: 'Add a checkbox' }).click()
    await first.getByRole('checkbox', { name: 'Done' }).check()
    await first.getByLabel('Add owner').first().fill('@ana-lopez')
    await first.getByLabel('Add owner').first().press('Enter')
    await expect
      .poll(() => first.getByRole('list', { name: 'Owners' }).first().innerText())
      .toContain('@ana-lopez')

    const okr = section(pipeline, 'OKR')
    await okr.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Ingestion keeps up with 3x peak')
    await okr.getByRole('combobox', { name: 'Status' }).selectOption('yellow')
    // Yellow asks for an action point.
    await okr.getByRole('button', { name: /Add an action point/ }).click()
    await page.keyboard.type('split the heatmap events')
    expect(await itemOutline(okr)).toEqual([
      'Ingestion keeps up with 3x peak',
      '  action: split the heatmap events',
    ])

    // The owner autocomplete offers handles used in the sprint.
    const growthHigh = section(team(page, 'Growth'), 'High priority')
    await growthHigh.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Onboarding checklist experiment')
    await growthHigh.getByLabel('Add owner').focus()
    await expect
      .poll(() =>
        page
          .locator('#sprint-handles option')
          .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
      )
      .toEqual(['@ana-lopez', '@tom-reid'])

    // Undo reverts this user's last edit (the Growth item's text), redo brings it back.
    await page
      .getByText('Onboarding checklist experiment')
      .click()
      .catch(() => undefined)
    await growthHigh.locator('textarea').first().focus()
    await page.waitForTimeout(600) // a new undo step
    await page.keyboard.type(' v2')
    await page.keyboard.press('Control+z')
    expect(await itemTexts(growthHigh)).toEqual(['Onboarding checklist experiment'])
    await page.keyboard.press('Control+Shift+z')
    expect(await itemTexts(growthHigh)).toEqual(['Onboarding checklist experiment v2'])

    await expect
      .poll(() => page.getByRole('status', { name: 'Save state' }).innerText())
      .toContain('Saved on this device')
    await page.reload()
    await page.waitForSelector('textarea[data-item-id]')
    const again = team(page, 'Pipeline')
    expect(await itemOutline(section(again, 'High priority'))).toEqual([
      'Replay the dead letter queue',
      'Inline the geoip plugin',
      'Separate pipeline for heatmaps',
      '  split the topic',
    ])
    expect(
      await section(again, 'High priority')
        .getByRole('checkbox', { name: 'Done' })
        .first()
        .isChecked(),
    ).toBe(true)
    expect(await section(again, 'OKR').getByRole('combobox', { name: 'Status' }).inputValue()).toBe(
      'yellow',
    )
    expect(await itemTexts(section(team(page, 'Growth'), 'High priority'))).toEqual([
      'Onboarding checklist experiment v2',
    ])

    // Copy as a GitHub comment: exactly the golden Markdown.
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Pipeline' })
    const golden = await readFile(resolve(GOLDEN, 'pipeline-comment.md'), 'utf8')
    await page.getByRole('button', { name: /Copy as GitHub comment/ }).click()
    // The clipboard write is asynchronous.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(golden)
    await expect.poll(() => page.getByLabel('Markdown preview').textContent()).toBe(golden)

    // The sprints list shows it with its team count.
    await page.getByRole('link', { name: 'All sprints' }).click()
    const row = page.getByRole('listitem').filter({ hasText: 'Sprint - July 1 to July 12' })
    await expect.poll(() => row.innerText()).toContain('2 teams')
    expect(errors).toEqual([])
  })
})
