import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  connectedPeers,
  itemTexts,
  newRoomParams,
  startWorld,
  waitFor,
  type P2PWorld,
  type PeerPage,
} from '../renderer/sync/p2p-harness'

/** Five peers, five Chromium processes, one signaling server on 127.0.0.1, no ICE servers. */
const N = 5
let world: P2PWorld
const peers: PeerPage[] = []
const room = newRoomParams()
const NAMES = ['Ada', 'Bob', 'Cleo', 'Dan', 'Eva']

beforeAll(async () => {
  world = await startWorld()
  for (let i = 0; i < N; i++) {
    peers.push(
      await world.openPeer({ ...room, name: NAMES[i] ?? 'P', ...(i === 0 ? { create: '1' } : {}) }),
    )
  }
  await waitFor(
    'a full mesh of 5',
    async () =>
      (await Promise.all(peers.map((p) => connectedPeers(p.page)))).every((n) => n === N - 1),
    60_000,
  )
})

afterAll(async () => {
  await world?.stop()
})

async function allTexts(): Promise<string[][]> {
  return Promise.all(peers.map((p) => itemTexts(p.page, 3)))
}

describe('five peers', () => {
  it('typing in one appears in all', async () => {
    const first = peers[0]
    if (!first) throw new Error('no peers')
    await first.page.getByLabel('Item item-1').click()
    await first.page.keyboard.type('Plan the sprint')
    await waitFor('all five show the text', async () =>
      (await allTexts()).every((t) => t[0] === 'Plan the sprint'),
    )
  })

  it('everyone typing in the same item at once converges to the same text', async () => {
    await Promise.all(
      peers.map(async (p, i) => {
        await p.page.getByLabel('Item item-2').click()
        await p.page.keyboard.type(String(i).repeat(8), { delay: 10 })
      }),
    )
    await waitFor('same text everywhere', async () => {
      const texts = (await allTexts()).map((t) => t[1])
      return texts.every((t) => t === texts[0]) && texts[0]?.length === 8 * N
    })
    const text = (await itemTexts(peers[0]?.page ?? (undefined as never), 3))[1] ?? ''
    for (let i = 0; i < N; i++) expect([...text].filter((c) => c === String(i))).toHaveLength(8)
  })

  it('everyone sees everyone in the presence bar', async () => {
    for (const p of peers) {
      const list = p.page.getByRole('list', { name: 'People here' })
      await waitFor('five people', async () => (await list.getByRole('listitem').count()) === N)
    }
  })
})
