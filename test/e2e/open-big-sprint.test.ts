import { describe, expect } from 'vitest'
import * as Y from 'yjs'
import type { Page } from 'playwright-core'
import { addItem, addTeam, createSprint } from '../../shared/doc'
import { seedSprints } from '../helpers/seed-sprints'
import { it, screenshot } from './editor-helpers'

/**
 * Opening a big sprint renders its first screen first and the other teams in passes after it
 * (issue 13). What looks a team up in the page (the focus on opening, jumps) still finds a team
 * rendered in a later pass.
 */

const TEAMS = 9

/** A sprint of {@link TEAMS} teams of 10 items; returns it and one item id per team. */
function bigSprint(): { doc: Y.Doc; firstItems: string[] } {
  const doc = new Y.Doc()
  createSprint(doc, {
    id: 'bigsprint',
    title: 'Big sprint',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
  })
  const firstItems: string[] = []
  for (let t = 1; t <= TEAMS; t++) {
    const teamId = addTeam(doc, { name: `Team ${t}` })
    for (let i = 1; i <= 10; i++) {
      const id = addItem(doc, { teamId, section: 'high', text: `Item ${i} of team ${t}` })
      if (i === 1) firstItems.push(id)
    }
  }
  return { doc, firstItems }
}

/** What has the focus: the item text's value, or the element's tag. */
function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    return el instanceof HTMLTextAreaElement ? el.value : (el?.tagName ?? '')
  })
}

describe('opening a big sprint', () => {
  it('shows its first teams first, then all, and puts the focus back in a late team', async ({
    page,
    errors,
  }) => {
    const { doc, firstItems } = bigSprint()
    await seedSprints(page, [doc])
    // The user last typed in team 8's first item on this device.
    await page.evaluate(
      ([id, item]) => localStorage.setItem(`sprintpad.lastItem.${id}`, item ?? ''),
      ['bigsprint', firstItems[7]] as const,
    )
    await page.goto(new URL('#/sprint/bigsprint', page.url()).href)
    await page.reload()
    await expect.poll(() => page.locator('article[data-team-id]').count()).toBe(TEAMS)
    // The first pass rendered part of the teams, the last one the rest.
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .map((m) => m.name)
        .filter((n) => n.startsWith('sprintpad:')),
    )
    console.log(`[open-big-sprint] marks: ${marks.join(', ')}`)
    // Loaded, then the first teams, then all: the order of their first occurrences.
    const at = (name: string): number => marks.indexOf(`sprintpad:${name}`)
    expect(at('loaded')).toBeGreaterThanOrEqual(0)
    expect(at('first-teams')).toBeGreaterThan(at('loaded'))
    expect(at('all-teams')).toBeGreaterThan(at('first-teams'))
    await expect.poll(() => focusedText(page)).toBe('Item 1 of team 8')
    // Team order is the document's.
    expect(
      await page
        .locator('article[data-team-id] input.team-name')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(Array.from({ length: TEAMS }, (_, i) => `Team ${i + 1}`))
    // The next team by keyboard is team 9 (its first section, the Retro, is empty: "Add item").
    await page.keyboard.press('Alt+Shift+PageDown')
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.activeElement
              ?.closest('article[data-team-id]')
              ?.querySelector<HTMLInputElement>('input.team-name')?.value,
        ),
      )
      .toBe('Team 9')
    // The export follows the focused team, its preview filled in.
    await expect
      .poll(() => page.getByLabel('Markdown preview').textContent())
      .toContain('# Team Team 9')
    await screenshot(page, 'big-sprint-open')
    expect(errors).toEqual([])
  })

  it('opens a sprint again after the user left it before it showed', async ({ page, errors }) => {
    const { doc } = bigSprint()
    await seedSprints(page, [doc])
    await page.goto(new URL('#/sprint/bigsprint', page.url()).href)
    await page.reload()
    // Straight back to the list, then into the sprint again: it opens, once, with all its teams.
    await page.evaluate(() => {
      window.location.hash = '#/'
    })
    await page.getByRole('link', { name: /Big sprint/ }).click()
    await expect.poll(() => page.locator('article[data-team-id]').count()).toBe(TEAMS)
    expect(errors).toEqual([])
  })
})
