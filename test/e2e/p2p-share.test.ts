import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  connectedPeers,
  itemTexts,
  startWorld,
  waitFor,
  type P2PWorld,
  type PeerPage,
} from '../renderer/sync/p2p-harness'

/**
 * The share / join / presence UI between two Chromium processes: share, copy the code, join by
 * typing it, see each other, leave and rejoin, stop sharing. The harness platform answers
 * `startLanSignaling` with the test's signaling server on 127.0.0.1 (as main does on the LAN).
 */
let world: P2PWorld
let host: PeerPage
let guest: PeerPage

beforeAll(async () => {
  world = await startWorld()
  host = await world.openPeer({ mode: 'ui', create: '1', items: '2' })
  guest = await world.openPeer({ mode: 'ui', items: '2' })
})

afterAll(async () => {
  await world?.stop()
})

async function setName(page: Page, name: string, handle: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sync settings' })
  await form.getByLabel('Display name').fill(name)
  await form.getByLabel('GitHub handle').fill(handle)
  await form.getByRole('button', { name: 'Save' }).click()
  await form.getByRole('status').waitFor()
}

const indicator = (page: Page) => page.getByRole('status', { name: 'Connection' })

describe('share and join', () => {
  it('shares, joins by typing the short code, and syncs with presence', async () => {
    await setName(host.page, 'Hana', 'hana')
    await setName(guest.page, 'Jo', 'jo')
    await host.page.getByRole('button', { name: 'Share' }).click()
    const panel = host.page.getByRole('dialog', { name: 'Share this sprint' })
    await panel.getByRole('button', { name: 'Share this sprint' }).click()
    const link = await panel.getByLabel('Join link').inputValue()
    expect(link).toMatch(
      /^sprintpad:\/\/join\/[0-9a-f]{32}\?s=ws%3A%2F%2F127\.0\.0\.1%3A\d+#[0-9a-z]{26}$/,
    )
    const code = (await panel.locator('output.join-code').textContent()) ?? ''
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){9}$/)
    await panel.getByRole('button', { name: 'Copy link' }).click()
    await panel.getByRole('button', { name: 'Link copied' }).waitFor()
    expect(await host.page.evaluate(() => navigator.clipboard.readText())).toBe(link)

    await guest.page.getByRole('button', { name: 'Join a sprint' }).click()
    const join = guest.page.getByRole('dialog', { name: 'Join a sprint' })
    await join.getByLabel('Join link or code').fill('sprintpad://join/nope')
    await join.getByRole('button', { name: 'Join' }).click()
    expect(await join.getByRole('alert').textContent()).toContain('room id')
    await join.getByLabel('Join link or code').fill(code.toLowerCase())
    await join.getByRole('button', { name: 'Join' }).click()
    await waitFor(
      'guest has the sprint',
      async () =>
        (await guest.page.getByRole('heading', { level: 1 }).textContent()) === 'Shared sprint',
    )
    await waitFor('connected', async () => (await connectedPeers(guest.page)) === 1)

    await host.page.getByLabel('Item item-1').click()
    await host.page.keyboard.type('Hello Jo')
    await waitFor('guest sees it', async () => (await itemTexts(guest.page, 1))[0] === 'Hello Jo')
    const people = host.page.getByRole('list', { name: 'People here' })
    await waitFor('host sees Jo', () =>
      people.getByRole('listitem', { name: 'Jo (@jo)' }).isVisible(),
    )
    await guest.page.getByLabel('Item item-2').focus()
    await waitFor('host sees Jo editing', () =>
      host.page.getByLabel('Being edited by Jo').isVisible(),
    )
  })

  it('leaves, keeps editing locally, and rejoins with both sides merged', async () => {
    await guest.page.getByRole('button', { name: 'Shared' }).click()
    const panel = guest.page.getByRole('dialog', { name: 'Share this sprint' })
    await panel.getByRole('button', { name: 'Leave (keep working locally)' }).click()
    await waitFor('guest is local', async () =>
      ((await indicator(guest.page).textContent()) ?? '').includes('Not shared'),
    )
    await waitFor('host alone', async () => (await connectedPeers(host.page)) === 0)
    await guest.page.getByLabel('Item item-2').click()
    await guest.page.keyboard.type('written alone')
    await host.page.getByLabel('Item item-1').click()
    await host.page.keyboard.press('Control+End')
    await host.page.keyboard.type('!')
    await panel.getByRole('button', { name: 'Rejoin' }).click()
    await waitFor('merged', async () => {
      const [h, g] = [await itemTexts(host.page, 2), await itemTexts(guest.page, 2)]
      return (
        JSON.stringify(h) === JSON.stringify(g) && h[0] === 'Hello Jo!' && h[1] === 'written alone'
      )
    })
  })

  it('stops sharing: the host disconnects and forgets the room', async () => {
    const panel = host.page.getByRole('dialog', { name: 'Share this sprint' })
    if (!(await panel.isVisible())) await host.page.getByRole('button', { name: 'Shared' }).click()
    await panel.getByRole('button', { name: 'Stop sharing' }).click()
    await waitFor('host local', async () =>
      ((await indicator(host.page).textContent()) ?? '').includes('Not shared'),
    )
    await waitFor('guest waits', async () => (await connectedPeers(guest.page)) === 0)
    await panel.getByRole('button', { name: 'Share this sprint' }).waitFor()
  })
})
