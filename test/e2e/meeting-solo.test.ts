import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, it, screenshot, section, team } from './editor-helpers'
import {
  announcements,
  countdownSeconds,
  meetingBar,
  moveClock,
  skewClock,
} from './meeting-helpers'

/**
 * Meeting mode on one laptop, keyboard first: the panel, the countdown through its milestones
 * into overrun (the page's clock is moved on, as time passing), the plan check taking you to what
 * is missing, Next team / pause by shortcut, and the summary copied as Markdown.
 */

async function sprintWithThreeTeams(page: Page): Promise<void> {
  await skewClock(page, 0)
  await createSprint(page)
  for (const name of ['Pipeline', 'Growth', 'Infra']) await addTeam(page, name)
  await section(team(page, 'Pipeline'), 'High priority')
    .getByRole('button', { name: /^Add item/ })
    .click()
  await page.keyboard.type('Replay the dead letter queue')
  await page.keyboard.press('Escape')
}

describe('running a meeting on one laptop', () => {
  it('keyboard, countdown milestones, overrun, plan check, summary', async ({ page, errors }) => {
    await sprintWithThreeTeams(page)
    await page.keyboard.press('Control+Shift+K')
    const column = page.getByRole('complementary', { name: 'Meeting' })
    await expect.poll(() => column.evaluate((el) => el === document.activeElement)).toBe(true)
    await column.getByLabel('Minutes per team').fill('2')
    await column.getByLabel('Minutes per team').press('Enter')
    await column.getByRole('button', { name: 'Start meeting' }).click()

    const bar = meetingBar(page)
    await expect
      .poll(() => bar.getByRole('paragraph').first().textContent())
      .toContain('Now speaking: Pipeline (1 of 3)')
    expect(await countdownSeconds(page)).toBeGreaterThan(110)
    // The speaking team is marked in its own panel too.
    await expect.poll(() => team(page, 'Pipeline').getByText('Now speaking').count()).toBe(1)
    expect(
      await column
        .getByRole('listitem')
        .filter({ has: page.getByText('speaking', { exact: true }) })
        .count(),
    ).toBe(1)
    await screenshot(page, 'meeting-agenda')

    // A minute passes: the gentle signal, announced, never a dialog.
    await moveClock(page, 61_000)
    await expect.poll(() => announcements(page).textContent()).toBe('One minute left for Pipeline')
    expect(await bar.getByRole('timer').getAttribute('class')).toContain('phase-lastMinute')
    await moveClock(page, 65_000)
    await expect.poll(() => announcements(page).textContent()).toBe('Time is up for Pipeline')
    await expect.poll(() => countdownSeconds(page)).toBeLessThan(-3)
    // 6 s over by the page's clock, plus the real seconds the test has taken since the start
    // (more than 3 on a loaded machine): the seconds can have two digits.
    expect(await bar.getByRole('timer').textContent()).toMatch(/^\+0:\d\d over$/)
    expect(await page.getByRole('dialog').count()).toBe(0)
    await screenshot(page, 'meeting-overrun')

    // The plan check of the speaking team is open: a finding takes you to the item.
    const check = column.getByRole('list', { name: 'Plan check: Pipeline' })
    await check.getByRole('button', { name: /no owner: “Replay the dead letter queue”/ }).click()
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value),
      )
      .toBe('Replay the dead letter queue')
    await page.keyboard.type(' (owner: tbd)')
    await column.getByRole('button', { name: 'Pipeline: 2 to check' }).focus()
    await screenshot(page, 'meeting-plan-check')

    // Next team and pause, by keyboard, from inside an item.
    await page.keyboard.press('Control+Shift+Period')
    await expect.poll(() => announcements(page).textContent()).toBe('Now speaking: Growth')
    expect(await column.getByText(/^spoke 2:\d\d$/).count()).toBe(1)
    await page.keyboard.press('Control+Shift+Comma')
    await expect.poll(() => bar.getByRole('button', { name: 'Resume' }).count()).toBe(1)
    const paused = await countdownSeconds(page)
    await moveClock(page, 30_000)
    await new Promise((r) => setTimeout(r, 600))
    expect(await countdownSeconds(page)).toBe(paused)

    // The shortcuts are in the help dialog.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+/')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    // The dialog opens (showModal) once it has rendered: count it when it is there.
    await expect.poll(() => help.getByText('Next team').count()).toBe(1)
    await help.getByRole('button', { name: 'Close' }).click()

    // End: the summary, copied as Markdown.
    await bar.getByRole('button', { name: 'End', exact: true }).click()
    const summary = column.getByRole('region', { name: 'Meeting summary' })
    await expect.poll(() => summary.count()).toBe(1)
    await summary.getByRole('button', { name: 'Copy summary as Markdown' }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^## Planning meeting: Sprint - July 1 to July 12\n/)
    const text = await page.evaluate(() => navigator.clipboard.readText())
    expect(text).toMatch(/\| Pipeline \| 2:00 \| 2:\d\d \(\+0:\d\d over\) \|/)
    expect(text).toContain('| Infra | 2:00 | did not speak |')
    expect(text).toContain('Edited: “Replay the dead letter queue (owner: tbd)”')
    await screenshot(page, 'meeting-summary')
    expect(errors).toEqual([])
  })
})
