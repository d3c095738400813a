import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchProfile, type Profile } from '../helpers/chromium'
import { serveStatic } from '../helpers/static-server'

/** Screenshots of the editor tests, to look at (test-results/ is not committed). */
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots')

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false })
}

/** Fails the test on any uncaught error or console error of the page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  return errors
}

/** Creates a sprint from the home screen and waits for its editor. */
export async function createSprint(page: Page, startDate = '2024-07-01'): Promise<void> {
  await page.getByRole('button', { name: 'New sprint' }).click()
  const dialog = page.getByRole('dialog', { name: 'New sprint' })
  await dialog.getByLabel('Starts').fill(startDate)
  await dialog.getByRole('button', { name: 'Create sprint' }).click()
  await expect.poll(() => page.getByLabel('Sprint title').inputValue()).toMatch(/^Sprint - /)
}

/** Adds a team and names it. Returns its panel. */
export async function addTeam(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: '+ Add team' }).click()
  const input = page.getByLabel('Team name').last()
  await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
  await page.keyboard.type(name)
  return team(page, name)
}

export function team(page: Page, name: string): Locator {
  return page.getByRole('article', { name: `Team ${name}` })
}

export function section(teamPanel: Locator, heading: string): Locator {
  return teamPanel.getByRole('region', { name: new RegExp(`: ${escapeRe(heading)}$`) })
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The text of every item field in a section (depth first). */
export async function itemTexts(sectionEl: Locator): Promise<string[]> {
  return sectionEl
    .locator('textarea[data-item-id]')
    .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))
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

/** The built app open in a fresh Chromium profile, served on 127.0.0.1. */
export interface AppPage {
  server: Awaited<ReturnType<typeof serveStatic>>
  profile: Profile
  page: Page
  /** Uncaught errors and console errors of the page, collected as they happen. */
  errors: string[]
  /** Closes the browser, removes its profile and stops the server. */
  close: () => Promise<void>
}

/** Serves the built renderer and opens it in a new Chromium process with a fresh profile. */
export async function openApp(): Promise<AppPage> {
  const server = await serveStatic()
  const profile = await launchProfile()
  const page = profile.context.pages()[0] ?? (await profile.context.newPage())
  const errors = watchErrors(page)
  await page.goto(server.url)
  return {
    server,
    profile,
    page,
    errors,
    close: async () => {
      await profile.remove()
      await server.stop()
    },
  }
}
