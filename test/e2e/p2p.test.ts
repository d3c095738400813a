import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import {
  connectedPeers,
  itemTexts,
  newRoomParams,
  startWorld,
  waitFor,
  type P2PWorld,
  type PeerPage,
} from '../renderer/sync/p2p-harness'

/**
 * Two peers, each a separate Chromium process with its own profile (BroadcastChannel cannot carry
 * the sync), through the project's signaling server on 127.0.0.1 with `iceServers: []`.
 */
let world: P2PWorld
let a: PeerPage
let b: PeerPage
const room = newRoomParams()

beforeAll(async () => {
  world = await startWorld()
  a = await world.openPeer({
    ...room,
    name: 'Ada',
    color: '#e5484d',
    handle: 'ada',
    create: '1',
    items: '4',
  })
  b = await world.openPeer({ ...room, name: 'Bob', color: '#0090ff', handle: 'bob', items: '4' })
  await waitFor(
    'A and B connected',
    async () => (await connectedPeers(a.page)) === 1 && (await connectedPeers(b.page)) === 1,
  )
})

afterAll(async () => {
  await world?.stop()
})

async function typeInto(p: PeerPage, item: string, text: string, delay = 0): Promise<void> {
  const field = p.page.getByLabel(`Item ${item}`)
  await field.click()
  await p.page.keyboard.press('Control+End')
  await p.page.keyboard.type(text, { delay })
}

describe('two peers over the LAN signaling server', () => {
  it('syncs the sprint and typing from one to the other, both ways', async () => {
    await waitFor(
      'B has the sprint',
      async () => (await b.page.getByRole('heading').textContent()) === 'Harness sprint',
    )
    await typeInto(a, 'item-1', 'Ship sync')
    await waitFor('B sees A typing', async () => (await itemTexts(b.page, 1))[0] === 'Ship sync')
    await typeInto(b, 'item-2', 'Fix bugs')
    await waitFor('A sees B typing', async () => (await itemTexts(a.page, 2))[1] === 'Fix bugs')
  })

  it('shows who is here and which item they are editing', async () => {
    const people = a.page.getByRole('list', { name: 'People here' })
    await waitFor('A sees Bob', async () => (await people.getByRole('listitem').count()) === 2)
    expect(await people.getByRole('listitem').nth(0).getAttribute('aria-label')).toBe(
      'Ada (@ada) — you',
    )
    expect(await people.getByRole('listitem').nth(1).getAttribute('aria-label')).toBe('Bob (@bob)')
    await b.page.getByLabel('Item item-2').focus()
    await waitFor('A sees Bob editing item-2', () =>
      a.page.getByLabel('Being edited by Bob').isVisible(),
    )
  })

  it('converges when both type into the same item at the same time', async () => {
    await Promise.all([
      typeInto(a, 'item-3', 'aaaaaaaaaa', 15),
      typeInto(b, 'item-3', 'bbbbbbbbbb', 15),
    ])
    await waitFor('same text on both', async () => {
      const [ta, tb] = [(await itemTexts(a.page, 3))[2], (await itemTexts(b.page, 3))[2]]
      return ta === tb && ta?.length === 20
    })
    const text = (await itemTexts(a.page, 3))[2] ?? ''
    expect([...text].filter((c) => c === 'a')).toHaveLength(10)
    expect([...text].filter((c) => c === 'b')).toHaveLength(10)
  })

  it('keeps syncing when both drop their link at the same moment (their reconnections cross)', async () => {
    type Harness = {
      harness: {
        session: {
          provider: { room: { webrtcConns: Map<string, { peer: { destroy: () => void } }> } }
          droppedLinks: number
        }
      }
    }
    const dropLinks = (p: PeerPage) =>
      p.page.evaluate(() => {
        const conns = (window as unknown as Harness).harness.session.provider.room.webrtcConns
        for (const conn of conns.values()) conn.peer.destroy()
      })
    const stats = (p: PeerPage) =>
      p.page.evaluate(() => (window as unknown as Harness).harness.session.droppedLinks)
    for (let round = 0; round < 5; round++) {
      // Both announce themselves again at once, so each makes an initiator connection.
      await Promise.all([dropLinks(a), dropLinks(b)])
      await typeInto(a, 'item-4', `a${round}`)
      await waitFor('B has it', async () =>
        ((await itemTexts(b.page, 4))[3] ?? '').endsWith(`a${round}`),
      )
      await typeInto(b, 'item-4', `b${round}`)
      await waitFor('A has it', async () =>
        ((await itemTexts(a.page, 4))[3] ?? '').endsWith(`b${round}`),
      )
    }
    // No connection had to be given up on: every new one carried messages at once.
    expect([await stats(a), await stats(b)]).toEqual([0, 0])
  })

  it('merges edits made while one peer was offline, with no user action', async () => {
    await b.profile.context.setOffline(true)
    await waitFor('B shows offline', async () =>
      ((await b.page.getByRole('status', { name: 'Connection' }).textContent()) ?? '').includes(
        'Offline',
      ),
    )
    await waitFor('A lost B', async () => (await connectedPeers(a.page)) === 0)
    await typeInto(b, 'item-2', ' offline')
    await typeInto(a, 'item-1', ' meanwhile')
    expect((await itemTexts(a.page, 2))[1]).toBe('Fix bugs')
    await b.profile.context.setOffline(false)
    await waitFor('converged after coming back', async () => {
      const [ta, tb] = [await itemTexts(a.page, 4), await itemTexts(b.page, 4)]
      return JSON.stringify(ta) === JSON.stringify(tb) && ta[1] === 'Fix bugs offline'
    })
    expect((await itemTexts(b.page, 1))[0]).toBe('Ship sync meanwhile')
  })

  it('gives a peer with the wrong secret no content at all', async () => {
    const wrong = { room: room.room, secret: newRoomParams().secret }
    const c = await world.openPeer({ ...wrong, name: 'Eve' })
    // A sees Eve's undecryptable signaling and counts it, without an app error: Eve is in the
    // room (a loaded machine can take seconds to start her page and announce her).
    const foreign = (): Promise<number> =>
      a.page.evaluate(
        () =>
          (
            window as unknown as { harness: { rejections: { peerId: string }[] } }
          ).harness.rejections.filter((r) => r.peerId === 'signaling').length,
      )
    await expect.poll(foreign, { timeout: 20_000 }).toBeGreaterThan(0)
    await typeInto(a, 'item-1', '!')
    // The only bounded wait that must elapse: proving an absence.
    await new Promise((r) => setTimeout(r, 4000))
    expect(await c.page.getByRole('heading').textContent()).toBe('Waiting for the sprint…')
    expect(await c.page.getByLabel('Teams').textContent()).toBe('No teams')
    expect(await itemTexts(c.page, 3)).toEqual(['', '', ''])
    expect(await connectedPeers(c.page)).toBe(0)
    const sprint = await c.page.evaluate(() => {
      const h = (
        window as unknown as {
          harness: {
            doc: { share: Map<string, unknown> }
            session: { awareness: { getStates: () => Map<number, unknown> } }
          }
        }
      ).harness
      return { roots: h.doc.share.size, states: h.session.awareness.getStates().size }
    })
    expect(sprint.states).toBe(1) // only Eve herself
    expect(await connectedPeers(a.page)).toBe(1)
    await c.profile.remove()
  })
})

describe('a hostile peer that has the secret', () => {
  it('cannot crash the app or corrupt the doc; malformed messages are dropped and counted', async () => {
    const h = await world.openPeer({ ...room, mode: 'hostile', name: 'Mallory' })
    type Hostile = {
      harness: { peers: () => number; sendRaw: (b: number[]) => void; doc: unknown }
    }
    await waitFor('hostile connected to A and B', () =>
      h.page.evaluate(() => (window as unknown as Hostile).harness.peers() === 2),
    )
    await waitFor('hostile has the sprint', () =>
      h.page.evaluate(() => {
        const w = window as unknown as {
          harness: { doc: unknown }
          sprintDoc: { readSprint: (d: unknown) => { teams: unknown[] } }
        }
        return w.sprintDoc.readSprint(w.harness.doc).teams.length === 1
      }),
    )
    const aClient = await a.page.evaluate(
      () => (window as unknown as { harness: { doc: { clientID: number } } }).harness.doc.clientID,
    )
    const messages = hostileMessages(aClient)
    const sent = await h.page.evaluate((list) => {
      const w = window as unknown as Hostile & {
        Y: { encodeStateAsUpdate: (d: unknown) => Uint8Array }
      }
      const update = [...w.Y.encodeStateAsUpdate(w.harness.doc)]
      const wrapUpdate = (u: number[]) => [0, 2, ...varUint(u.length), ...u]
      function varUint(n: number): number[] {
        const out: number[] = []
        while (n > 127) {
          out.push((n & 127) | 128)
          n >>>= 7
        }
        out.push(n)
        return out
      }
      const all = [...list]
      all.push(wrapUpdate(update.slice(0, Math.floor(update.length / 2)))) // truncated
      for (let i = 0; i < 40; i++) {
        const flipped = update.slice()
        const bit = (i * 7919) % (flipped.length * 8)
        flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7))
        all.push(wrapUpdate(flipped)) // bit-flipped
      }
      for (const m of all) w.harness.sendRaw(m)
      return all.length
    }, messages)
    expect(sent).toBeGreaterThan(40)
    await waitFor('A reports ignored messages', async () =>
      ((await a.page.getByRole('status', { name: 'Connection' }).textContent()) ?? '').includes(
        'ignored',
      ),
    )
    // Our own presence stayed ours; the forged and the oversized states are not shown.
    const people = a.page.getByRole('list', { name: 'People here' })
    expect(await people.getByRole('listitem').nth(0).getAttribute('aria-label')).toBe(
      'Ada (@ada) — you',
    )
    expect(await a.page.getByLabel(/Mallory/).count()).toBe(0)

    // A legitimate but destructive edit: delete every team. Applied; the UI stays alive.
    await h.page.evaluate(() => {
      const w = window as unknown as {
        harness: { doc: unknown }
        sprintDoc: { removeTeam: (d: unknown, a: { teamId: string }) => void }
      }
      w.sprintDoc.removeTeam(w.harness.doc, { teamId: 'team-1' })
    })
    await waitFor(
      'A shows no teams',
      async () => (await a.page.getByLabel('Teams').textContent()) === 'No teams',
    )
    expect(await a.page.getByRole('heading').textContent()).toBe('Harness sprint')

    // Still usable: edits still sync between the honest peers.
    await b.page.getByLabel('Sprint title').fill('Harness sprint, still here')
    await waitFor(
      'A sees B after the attack',
      async () =>
        (await a.page.getByRole('heading').textContent()) === 'Harness sprint, still here',
    )
    const rejected = await a.page.evaluate(
      () => (window as unknown as { harness: { rejections: unknown[] } }).harness.rejections.length,
    )
    expect(rejected).toBeGreaterThan(30)
    await h.profile.remove()
  })
})

/** Raw messages a hostile peer sends (the page adds truncated and bit-flipped real updates). */
function hostileMessages(victimClientId: number): number[][] {
  const out: number[][] = []
  let seed = 42
  const rand = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256
  for (let i = 0; i < 30; i++) out.push(Array.from({ length: 1 + ((i * 13) % 200) }, rand))
  out.push([0, 2, 5, 1, 2]) // update whose length prefix lies
  out.push([4, 1, 3, 65, 66, 67]) // broadcast-channel peer id from the network
  const presence = (clientId: number, json: string): number[] => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, 1000)
    encoding.writeVarString(inner, json)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    return [...encoding.toUint8Array(e)]
  }
  const state = (name: string) =>
    JSON.stringify({ user: { name, color: '#000000', handle: 'mallory' }, editing: null })
  out.push(presence(victimClientId, state('Mallory')))
  out.push(presence(12345, state('M'.repeat(20_000))))
  return out
}
