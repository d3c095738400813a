import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { SignalingServer } from '../../main/signaling/server'
import { configureSync, joinSprint, shareSprint } from '../helpers/app-page'
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
 * The real app (the built renderer), two separate Chromium processes with their own profiles,
 * the project's signaling server on 127.0.0.1 and no ICE servers: one shares a sprint, the other
 * joins it with the link, and they plan together with presence.
 */
let signaling: SignalingServer
let signalingUrl: string
let apps: AppPage[] = []
let host: Page
let guest: Page

beforeAll(async () => {
  signaling = new SignalingServer({ host: '127.0.0.1', port: 0 })
  const { port } = await signaling.start()
  signalingUrl = `ws://127.0.0.1:${port}`
  const hostApp = await openApp()
  apps.push(hostApp)
  const guestApp = await openApp()
  apps.push(guestApp)
  host = hostApp.page
  guest = guestApp.page
  await configureSync(host, { name: 'Hana', handle: 'hana', signalingUrl })
  await configureSync(guest, { name: 'Jo', handle: 'jo', signalingUrl })
})

afterAll(async () => {
  for (const a of apps) await a.close()
  apps = []
  await signaling?.stop()
})

describe('planning together in the app', () => {
  it('shares a sprint, joins it from the link, and syncs typing and presence both ways', async () => {
    await createSprint(host)
    const pipeline = await addTeam(host, 'Pipeline')
    await section(pipeline, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await host.keyboard.type('Replay the dead letter queue')

    const link = await shareSprint(host)
    expect(link).toMatch(/^sprintpad:\/\/join\/[0-9a-f]{32}\?s=ws%3A%2F%2F127\.0\.0\.1%3A\d+#/)

    await joinSprint(guest, link)
    // The guest lands in the shared sprint, stored on its own device.
    await expect
      .poll(() => guest.getByLabel('Sprint title').inputValue(), { timeout: 30_000 })
      .toMatch(/^Sprint - /)
    const guestHigh = section(team(guest, 'Pipeline'), 'High priority')
    await expect
      .poll(() => itemTexts(guestHigh), { timeout: 30_000 })
      .toEqual(['Replay the dead letter queue'])

    // Typing on either side appears on the other.
    const hostHigh = section(team(host, 'Pipeline'), 'High priority')
    await hostHigh.locator('textarea[data-item-id]').first().click()
    await host.keyboard.press('Control+End')
    await host.keyboard.type(' from March')
    await expect
      .poll(() => itemTexts(guestHigh), { timeout: 20_000 })
      .toEqual(['Replay the dead letter queue from March'])
    await guestHigh.locator('textarea[data-item-id]').first().press('Control+End')
    await guest.keyboard.press('Enter')
    await guest.keyboard.type('Separate pipeline for heatmaps')
    await expect
      .poll(() => itemTexts(hostHigh), { timeout: 20_000 })
      .toEqual(['Replay the dead letter queue from March', 'Separate pipeline for heatmaps'])

    // A remote edit in the item I am typing in does not move my caret.
    const hostSecond = hostHigh.locator('textarea[data-item-id]').nth(1)
    await hostSecond.click()
    await hostSecond.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(9, 9))
    const guestSecond = guestHigh.locator('textarea[data-item-id]').nth(1)
    await guestSecond.click()
    await guest.keyboard.press('Home')
    await guest.keyboard.type('X ')
    await expect
      .poll(() => hostSecond.inputValue(), { timeout: 20_000 })
      .toBe('X Separate pipeline for heatmaps')
    expect(await hostSecond.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe(11)
    await host.keyboard.type('new ')
    await expect
      .poll(() => guestSecond.inputValue(), { timeout: 20_000 })
      .toBe('X Separate new pipeline for heatmaps')

    // Both see who is here, and the connection.
    await expect
      .poll(() => host.getByRole('list', { name: 'People here' }).getByRole('listitem').count(), {
        timeout: 20_000,
      })
      .toBe(2)
    await expect
      .poll(() => guest.getByRole('status', { name: 'Connection' }).innerText(), {
        timeout: 20_000,
      })
      .toContain('1 peer connected')
    await host
      .getByRole('dialog', { name: 'Share this sprint' })
      .getByRole('button', { name: 'Close' })
      .click()
    // The item the guest is in shows the guest's name on the host; the team shows who works in it.
    await guestHigh.locator('textarea[data-item-id]').first().click()
    await expect
      .poll(() => hostHigh.getByLabel('Being edited by Jo').count(), { timeout: 20_000 })
      .toBe(1)
    await expect
      .poll(
        () =>
          team(host, 'Pipeline').getByRole('list', { name: 'Working in this team' }).innerText(),
        {
          timeout: 20_000,
        },
      )
      .toContain('Jo (@jo)')
    await screenshot(host, 'sync-host')
    await screenshot(guest, 'sync-guest')

    // The joined sprint is in the guest's sprints list and survives a reload.
    await guest.reload()
    await expect
      .poll(() => itemTexts(section(team(guest, 'Pipeline'), 'High priority')), { timeout: 20_000 })
      .toEqual(['Replay the dead letter queue from March', 'X Separate new pipeline for heatmaps'])
    for (const { errors } of apps)
      expect(errors.filter((m) => !/WebSocket|ERR_CONNECTION/.test(m))).toEqual([])
  })

  it('moves a shared sprint to the signaling servers saved in settings, with no Leave and Rejoin', async () => {
    const second = new SignalingServer({ host: '127.0.0.1', port: 0 })
    try {
      const { port } = await second.start()
      expect(second.stats().subscriptions).toBe(0)
      // The host adds a second signaling server while sharing.
      await host.getByRole('button', { name: 'Sync settings', exact: true }).click()
      const form = host.getByRole('form', { name: 'Sync settings' })
      await form.getByLabel(/signaling/i).fill(`${signalingUrl}\nws://127.0.0.1:${port}`)
      await form.getByRole('button', { name: 'Save' }).click()
      await form.waitFor({ state: 'detached' })
      // Its session reconnects through both: it is in the room on the new server too, and the
      // join link now names both servers.
      await expect.poll(() => second.stats().subscriptions, { timeout: 20_000 }).toBeGreaterThan(0)
      await host.getByRole('button', { name: 'Shared', exact: true }).click()
      const link = await host
        .getByRole('dialog', { name: 'Share this sprint' })
        .getByLabel('Join link')
        .inputValue()
      expect(decodeURIComponent(link)).toContain(`ws://127.0.0.1:${port}`)
      await host.keyboard.press('Escape')
      // The guest finds the host again and the meeting goes on.
      await expect
        .poll(() => guest.getByRole('status', { name: 'Connection' }).innerText(), {
          timeout: 30_000,
        })
        .toContain('1 peer connected')
      const hostHigh = section(team(host, 'Pipeline'), 'High priority')
      const guestHigh = section(team(guest, 'Pipeline'), 'High priority')
      await hostHigh.locator('textarea[data-item-id]').first().click()
      await host.keyboard.press('Control+End')
      await host.keyboard.type(', again')
      await expect
        .poll(() => itemTexts(guestHigh), { timeout: 20_000 })
        .toEqual([
          'Replay the dead letter queue from March, again',
          'X Separate new pipeline for heatmaps',
        ])
    } finally {
      await second.stop()
    }
  })

  it('offers back an item someone else removed while I was typing in it', async () => {
    const hostHigh = section(team(host, 'Pipeline'), 'High priority')
    const guestHigh = section(team(guest, 'Pipeline'), 'High priority')
    const guestSecond = guestHigh.locator('textarea[data-item-id]').nth(1)
    await guestSecond.click()
    await guest.keyboard.press('Control+End')
    await guest.keyboard.type(' (owned by Jo)')
    await expect
      .poll(() => itemTexts(hostHigh), { timeout: 20_000 })
      .toEqual([
        'Replay the dead letter queue from March, again',
        'X Separate new pipeline for heatmaps (owned by Jo)',
      ])
    // The host removes it while the guest is still in it.
    await hostHigh.getByRole('button', { name: 'Remove item' }).nth(1).click()
    await expect.poll(() => itemTexts(guestHigh), { timeout: 20_000 }).toHaveLength(1)
    const offer = guest.locator('.toasts .toast').filter({ hasText: 'while you were typing in it' })
    await expect
      .poll(() => offer.innerText())
      .toContain('Someone else removed “X Separate new pipeline for heatmaps (owned by Jo)”')
    // The offer has the focus (not the page body): Enter restores the item, for everyone.
    await expect
      .poll(() => guest.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Restore')
    await screenshot(guest, 'sync-rescue-offer')
    await guest.keyboard.press('Enter')
    const both = [
      'Replay the dead letter queue from March, again',
      'X Separate new pipeline for heatmaps (owned by Jo)',
    ]
    await expect.poll(() => itemTexts(guestHigh)).toEqual(both)
    await expect.poll(() => itemTexts(hostHigh), { timeout: 20_000 }).toEqual(both)
    // The guest is back in it and types on.
    await guest.keyboard.type('!')
    await expect
      .poll(() => itemTexts(hostHigh), { timeout: 20_000 })
      .toEqual([both[0], `${both[1]}!`])
    // A removal by someone of an item nobody is typing in offers nothing.
    await guest.locator('body').click({ position: { x: 5, y: 5 } })
    await hostHigh.getByRole('button', { name: 'Remove item' }).nth(1).click()
    await expect.poll(() => itemTexts(guestHigh), { timeout: 20_000 }).toHaveLength(1)
    expect(await guest.locator('.toasts .toast').filter({ hasText: 'Restore' }).count()).toBe(0)
  })
})
