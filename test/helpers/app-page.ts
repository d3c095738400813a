import type { Browser, Locator, Page } from 'playwright-core'
import { contextProfile, launchProfile, type Profile } from './chromium'
import { RENDERER_DIST, serveStatic } from './static-server'
import { waitFor } from './wait'

/**
 * The built app in a browser, driven the way a person does (roles and labels). No test runner in
 * here, so the end-to-end tests and the benchmarks share it.
 */
export interface AppPage {
  server: Awaited<ReturnType<typeof serveStatic>>
  profile: Profile
  page: Page
  /** Uncaught errors and console errors of the page, collected as they happen. */
  errors: string[]
  /** Closes the browser, removes its profile and stops the server. */
  close: () => Promise<void>
}

/**
 * Serves the built renderer (`root`, by default out/renderer) on 127.0.0.1 and opens it in a new
 * Chromium process with a fresh profile, or in a fresh context of `browser` (its own storage, in
 * memory; `args` then do not apply). Cleans up after itself if the page does not load.
 */
export async function openApp(
  options: { root?: string; args?: readonly string[]; browser?: Browser } = {},
): Promise<AppPage> {
  const server = await serveStatic(options.root ?? RENDERER_DIST)
  let profile: Profile | undefined
  const close = async (): Promise<void> => {
    await profile?.remove()
    await server.stop()
  }
  try {
    profile = options.browser
      ? await contextProfile(options.browser)
      : await launchProfile({ args: options.args ?? [] })
    const page = profile.context.pages()[0] ?? (await profile.context.newPage())
    const errors = watchErrors(page)
    await page.goto(server.url)
    return { server, profile, page, errors, close }
  } catch (err) {
    await close()
    throw err
  }
}

/**
 * Closes the app's browser, keeping its profile, and starts a new Chromium process on the same
 * profile and server (the same origin, so the same IndexedDB), at `hash` (e.g. `#/sprint/<id>`).
 * The returned app owns the profile and server from then on.
 */
export async function relaunchApp(
  app: AppPage,
  hash = '',
  args: readonly string[] = [],
): Promise<AppPage> {
  await app.profile.close()
  const profile = await launchProfile({ dir: app.profile.dir, args })
  const close = async (): Promise<void> => {
    await profile.remove()
    await app.server.stop()
  }
  try {
    const page = profile.context.pages()[0] ?? (await profile.context.newPage())
    const errors = watchErrors(page)
    await page.goto(app.server.url + hash)
    return { server: app.server, profile, page, errors, close }
  } catch (err) {
    await close()
    throw err
  }
}

/** Collects any uncaught error or console error of the page. */
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
  await waitFor('the sprint editor', async () =>
    /^Sprint - /.test(await page.getByLabel('Sprint title').inputValue()),
  )
}

/** Adds a team and names it. Returns its panel. */
export async function addTeam(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: '+ Add team' }).click()
  const input = page.getByLabel('Team name').last()
  await waitFor('the new team name focused', () =>
    input.evaluate((el) => el === document.activeElement),
  )
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

/**
 * Sets the signaling server (and the always-on Sprintpad server, when given) in the Sync
 * settings form, and the display name and GitHub handle when given (without them the person
 * stays the first-time "Guest").
 */
export async function configureSync(
  page: Page,
  settings: { name?: string; handle?: string; signalingUrl: string; server?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Sync settings…' }).click()
  const form = page.getByRole('form', { name: 'Sync settings' })
  if (settings.name !== undefined) await form.getByLabel('Display name').fill(settings.name)
  if (settings.handle !== undefined) await form.getByLabel('GitHub handle').fill(settings.handle)
  if (settings.server !== undefined) await form.getByLabel('Sprintpad server').fill(settings.server)
  await form.getByLabel(/signaling/i).fill(settings.signalingUrl)
  await form.getByRole('button', { name: 'Save' }).click()
  await form.waitFor({ state: 'detached' })
}

/** Shares the open sprint from its Share panel and returns the join link (the panel stays open). */
export async function shareSprint(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const panel = page.getByRole('dialog', { name: 'Share this sprint' })
  await panel.getByRole('button', { name: 'Share this sprint' }).click()
  return panel.getByLabel('Join link').inputValue()
}

/** Joins a shared sprint from the home screen with its link or code. */
export async function joinSprint(page: Page, linkOrCode: string): Promise<void> {
  await page.getByRole('button', { name: 'Join a sprint…' }).click()
  const join = page.getByRole('dialog', { name: 'Join a sprint' })
  await join.getByLabel('Join link or code').fill(linkOrCode)
  await join.getByRole('button', { name: 'Join' }).click()
}
