import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { test } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { openApp, type AppPage } from '../helpers/app-page'

// The browser-driving helpers are plain TypeScript in test/helpers, shared with the benchmarks.
export {
  addTeam,
  createSprint,
  itemTexts,
  openApp,
  section,
  team,
  watchErrors,
  type AppPage,
} from '../helpers/app-page'

/** Screenshots of the editor tests, to look at (test-results/ is not committed). */
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots')

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false })
}

/** Item texts with their nesting depth, e.g. `['a', '  b']`. */
export async function itemOutline(sectionEl: Locator): Promise<string[]> {
  return sectionEl.locator('textarea[data-item-id]').evaluateAll((els) =>
    els.map((e) => {
      let depth = 0
      let p: Element | null = e.parentElement
      while (p && !p.matches('section')) {
        if (p.matches('ul.items, ol.items')) depth++
        p = p.parentElement
      }
      return `${'  '.repeat(depth - 1)}${(e as HTMLTextAreaElement).value}`
    }),
  )
}

/**
 * `it` with the built app open for each test: a fresh Chromium process, profile and server
 * (see `openApp`), closed after the test. Use as `it('…', async ({ page, errors }) => …)`.
 */
export const it = test.extend<{ app: AppPage; page: Page; errors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const app = await openApp()
    try {
      await use(app)
    } finally {
      await app.close()
    }
  },
  page: async ({ app }, use) => use(app.page),
  errors: async ({ app }, use) => use(app.errors),
})
