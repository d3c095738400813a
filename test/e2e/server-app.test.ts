import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SprintpadServer } from '../../main/server/server'
import { memoryLogger } from '../../main/server/log'
import { configureSync, joinSprint, relaunchApp, shareSprint } from '../helpers/app-page'
import { timeEdit } from '../helpers/live-session'
import {
  addTeam,
  createSprint,
  itemTexts,
  openApp,
  screenshot,
  section,
  team,
  type AppPage,
} from './editor-helpers'

/**
 * The app with an always-on Sprintpad server (issue 11): two separate Chromium processes with no
 * WebRTC path between them (no signaling in common: the server's signaling endpoint is blocked
 * for both, so they can never meet as peers) plan together through the server, including when
 * they are never online at the same time, and edits made offline reach the server on reconnect.
 */
let server: SprintpadServer
let serverUrl: string
let dataDir: string
let apps: AppPage[] = []

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-server-e2e-'))
  server = new SprintpadServer({ host: '127.0.0.1', port: 0, dataDir, logger: memoryLogger() })
  serverUrl = `ws://127.0.0.1:${(await server.start()).port}`
})

afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

afterAll(async () => {
  await server?.stop()
  await rm(dataDir, { recursive: true, force: true })
})

/** An app whose browser cannot reach any signaling: only the server's sync connects it. */
async function openServerOnlyApp(): Promise<AppPage> {
  const app = await openApp()
  apps.push(app)
  await blockSignaling(app)
  return app
}

async function blockSignaling(app: AppPage): Promise<void> {
  await app.profile.context.routeWebSocket(/\/signaling$/, (ws) => ws.close())
}

const indicator = (page: Page) => page.getByRole('status', { name: 'Connection' })

/** Ana's sprint with a team and an item, shared with the server; returns the join link. */
async function anaShares(ana: Page): Promise<string> {
  await configureSync(ana, { name: 'Ana', handle: 'ana', signalingUrl: '', server: serverUrl })
  await createSprint(ana)
  const pipeline = await addTeam(ana, 'Pipeline')
  await section(pipeline, 'High priority')
    .getByRole('button', { name: /^Add item/ })
    .click()
  await ana.keyboard.type('Replay the dead letter queue')
  const link = await shareSprint(ana)
  expect(decodeURIComponent(link)).toContain(`server=${serverUrl}`)
  await ana
    .getByRole('dialog', { name: 'Share this sprint' })
    .getByRole('button', { name: 'Close' })
    .click()
  await expect
    .poll(() => indicator(ana).textContent(), { timeout: 20_000 })
    .toContain('saved on the server')
  return link
}

describe('planning through an always-on server', () => {
  it('lets two people who are never online at the same time plan together', async () => {
    const ana = await openServerOnlyApp()
    const link = await anaShares(ana.page)
    const hash = new URL(ana.page.url()).hash
    // Ana goes home. Nobody else is online.
    await ana.profile.close()

    // Dan joins later, from the link alone: the server has the sprint.
    const dan = await openServerOnlyApp()
    await configureSync(dan.page, { name: 'Dan', handle: 'dan', signalingUrl: '' })
    await joinSprint(dan.page, link)
    const danHigh = section(team(dan.page, 'Pipeline'), 'High priority')
    await expect
      .poll(() => itemTexts(danHigh), { timeout: 30_000 })
      .toEqual(['Replay the dead letter queue'])
    await danHigh.locator('textarea[data-item-id]').first().click()
    await dan.page.keyboard.press('Control+End')
    await dan.page.keyboard.type(' from March')
    await expect
      .poll(() => indicator(dan.page).textContent(), { timeout: 20_000 })
      .toContain('saved on the server')
    await screenshot(dan.page, 'server-saved')
    await dan.profile.close()

    // Ana comes back the next day: Dan's edit is there.
    apps = apps.filter((a) => a !== ana)
    const back = await relaunchApp(ana, hash)
    apps.push(back)
    await blockSignaling(back)
    await back.page.reload()
    await expect
      .poll(() => itemTexts(section(team(back.page, 'Pipeline'), 'High priority')), {
        timeout: 30_000,
      })
      .toEqual(['Replay the dead letter queue from March'])
  })

  it('syncs live through the server when no WebRTC path exists, and offline edits catch up', async () => {
    const ana = await openServerOnlyApp()
    const link = await anaShares(ana.page)
    const dan = await openServerOnlyApp()
    await configureSync(dan.page, { name: 'Dan', handle: 'dan', signalingUrl: '' })
    await joinSprint(dan.page, link)
    const [anaHigh, danHigh] = [ana.page, dan.page].map((p) =>
      section(team(p, 'Pipeline'), 'High priority').locator('textarea[data-item-id]').first(),
    )
    await expect
      .poll(() => danHigh?.inputValue(), { timeout: 30_000 })
      .toBe('Replay the dead letter queue')
    if (!anaHigh || !danHigh) throw new Error('no items')
    // Both see each other through the server (presence goes through it too), and edits flow.
    for (const page of [ana.page, dan.page]) {
      await expect
        .poll(() => indicator(page).textContent(), { timeout: 20_000 })
        .toBe('1 peer connected · saved on the server')
    }
    expect(await timeEdit(anaHigh, danHigh, ' now')).toBeDefined()
    expect(await timeEdit(danHigh, anaHigh, ' and then')).toBeDefined()

    // Dan's laptop goes offline; he keeps typing; it reaches Ana once he is back.
    await dan.profile.context.setOffline(true)
    await expect.poll(() => indicator(dan.page).textContent()).toContain('Offline')
    await danHigh.click()
    await dan.page.keyboard.press('Control+End')
    await dan.page.keyboard.type(' (offline)')
    await dan.profile.context.setOffline(false)
    await expect
      .poll(() => anaHigh.inputValue(), { timeout: 30_000 })
      .toBe('Replay the dead letter queue now and then (offline)')
    await expect
      .poll(() => indicator(dan.page).textContent(), { timeout: 20_000 })
      .toContain('saved on the server')
    await screenshot(ana.page, 'server-live')
    const health = (await (await fetch(`${serverUrl.replace('ws', 'http')}/healthz`)).json()) as {
      store: { documents: number }
    }
    expect(health.store.documents).toBeGreaterThan(0)
  })
})
