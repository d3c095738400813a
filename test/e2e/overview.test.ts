import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot, it } from './editor-helpers'
import { sprintSeries } from '../helpers/sprint-series'
import { seedSprints } from '../helpers/seed-sprints'

const CHARTS = [
  'OKR status per team',
  "Retro: last sprint's priorities marked done",
  'Load per person',
  'Completion rate (priorities checked done)',
  'Items carried over (hang-over list)',
  'OKR status changes since the sprint before',
]

/** Script files the page has loaded so far. */
function scripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.endsWith('.js')),
  )
}

describe('sprint overview', () => {
  it('charts a series of 6 sprints, each chart with a table and a Markdown copy', async ({
    page,
    errors,
  }) => {
    const ids = await seedSprints(page, sprintSeries(6, 5))
    const last = ids.at(-1) ?? ''
    await page.reload()
    await page.getByRole('list', { name: 'Sprints' }).waitFor()
    // The chart library is not part of the first screen.
    expect((await scripts(page)).some((s) => /OverviewScreen/.test(s))).toBe(false)

    await page.getByRole('button', { name: 'Overview' }).click()
    await page.getByRole('heading', { name: 'Sprint overview' }).waitFor()
    expect((await scripts(page)).some((s) => /OverviewScreen/.test(s))).toBe(true)
    for (const name of CHARTS) {
      const figure = page.getByRole('figure', { name })
      await expect.poll(() => figure.locator('svg[aria-label]').count()).toBeGreaterThan(0)
    }
    expect(await page.getByRole('combobox', { name: 'Sprint' }).inputValue()).toBe(last)
    // 6 sprints × 3 teams in the trends' tables.
    const completion = page.getByRole('figure', { name: CHARTS[3] })
    await completion.getByText(/^Table of/).click()
    expect(await completion.getByRole('table').locator('tbody tr').count()).toBe(18)

    // The OKR grid names the yellow and red OKRs that lack an action point.
    const okrs = page.getByRole('figure', { name: 'OKR status per team' })
    const missing = await okrs.getByRole('listitem').allInnerTexts()
    const table = await okrs.locator('table').evaluate((t) => t.textContent ?? '')
    for (const line of missing) expect(line).toMatch(/\((yellow|red)\)/)
    expect(table.match(/missing/g)?.length ?? 0).toBe(missing.length)

    await okrs.getByRole('button', { name: 'Copy as Markdown table' }).click()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^\| Team \| OKR \| Text \| Status \| Action point \|\n\| --- \|/)
    await screenshot(page, 'overview-light')

    await page.emulateMedia({ colorScheme: 'dark' })
    await screenshot(page, 'overview-dark')
    await page.emulateMedia({ colorScheme: 'light' })

    // From a sprint: its own overview, and back.
    await page.goto(`${page.url().split('#')[0]}#/sprint/${ids[2]}`)
    await page.getByRole('button', { name: 'Overview' }).click()
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Sprint' }).inputValue())
      .toBe(ids[2])
    await page.getByRole('link', { name: /Back to the sprint/ }).click()
    await page.getByLabel('Sprint title').waitFor()
    expect(errors).toEqual([])
  })
})
