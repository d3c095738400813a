import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import {
  connectedPeers,
  itemTexts,
  newRoomParams,
  startWorld,
  waitFor,
  type P2PWorld,
  type PeerPage,
} from '../renderer/sync/p2p-harness'
import { PRESENCE_TIMEOUT_MS } from '../../renderer/src/sync/presence-tracker'

/**
 * Relaying of document updates between peers (renderer/src/sync/relay-links.ts and the y-webrtc
 * patch): in a full mesh a peer sends on none of what it receives; where a link is missing, the
 * peer in the middle carries edits both ways. Separate Chromium processes, the project's
 * signaling server on 127.0.0.1, no ICE servers.
 */
let world: P2PWorld

beforeAll(async () => {
  world = await startWorld()
})

afterAll(async () => {
  await world?.stop()
})

/** Counts, from now on, the document updates (y-webrtc sync messages of type update) a page sends. */
async function countSentUpdates(page: Page): Promise<void> {
  await page.evaluate(() => {
    interface Conn {
      peer: { send: (m: Uint8Array) => void }
    }
    const w = window as unknown as {
      harness: { session: { provider: { room: { webrtcConns: Map<string, Conn> } } } }
      sentUpdates: number
    }
    w.sentUpdates = 0
    for (const conn of w.harness.session.provider.room.webrtcConns.values()) {
      const send = conn.peer.send.bind(conn.peer)
      conn.peer.send = (m: Uint8Array) => {
        if (m[0] === 0 && m[1] === 2) w.sentUpdates++
        send(m)
      }
    }
  })
}

function sentUpdates(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { sentUpdates: number }).sentUpdates)
}

/** The page's WebRTC connections that are open (y-webrtc's flag). */
function linkedPeers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as {
      harness: {
        session: { provider: { room: { webrtcConns: Map<string, { connected: boolean }> } } }
      }
    }
    return [...w.harness.session.provider.room.webrtcConns.values()].filter((c) => c.connected)
      .length
  })
}

/** The links a page publishes in its presence (its working WebRTC links). */
function publishedLinks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as {
      harness: { session: { awareness: { getLocalState: () => { links?: string[] } | null } } }
    }
    return w.harness.session.awareness.getLocalState()?.links?.length ?? 0
  })
}

/**
 * From now on, this page makes no new WebRTC link: its new peer connections neither send nor
 * accept ICE candidates, trickled or in the session descriptions, so they never connect (links
 * it has stay up).
 */
async function refuseNewLinks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const Real = window.RTCPeerConnection
    const strip = (d: RTCSessionDescriptionInit | null): RTCSessionDescriptionInit | null =>
      d && {
        type: d.type,
        sdp: (d.sdp ?? '').replace(/^a=(candidate|end-of-candidates).*\r?\n/gm, ''),
      }
    class Refusing extends Real {
      constructor(config?: RTCConfiguration) {
        super(config)
        this.addIceCandidate = () => Promise.resolve()
        Object.defineProperty(this, 'onicecandidate', { set: () => undefined, get: () => null })
        const getLocal = Object.getOwnPropertyDescriptor(Real.prototype, 'localDescription')?.get
        const local = (): RTCSessionDescriptionInit | null =>
          strip((getLocal?.call(this) as RTCSessionDescription | null | undefined) ?? null)
        Object.defineProperty(this, 'localDescription', { get: local })
        const setRemote = Real.prototype.setRemoteDescription.bind(this)
        this.setRemoteDescription = (d: RTCSessionDescriptionInit) => setRemote(strip(d) ?? d)
      }
    }
    window.RTCPeerConnection = Refusing
  })
}

async function type(peer: PeerPage, item: string, text: string): Promise<void> {
  await peer.page.getByLabel(`Item ${item}`).click()
  await peer.page.keyboard.press('End')
  await peer.page.keyboard.type(text, { delay: 15 })
}

describe('relaying document updates', () => {
  it('in a full mesh of three, the receivers send nothing on', async () => {
    const room = newRoomParams()
    const [ada, bob, cleo] = [
      await world.openPeer({ ...room, name: 'Ada', create: '1' }),
      await world.openPeer({ ...room, name: 'Bob' }),
      await world.openPeer({ ...room, name: 'Cleo' }),
    ]
    const all = [ada, bob, cleo]
    await waitFor(
      'a full mesh of 3, each publishing 2 links',
      async () => {
        const counts = await Promise.all(
          all.map(async (p) => [await connectedPeers(p.page), await publishedLinks(p.page)]),
        )
        return counts.every(([c, l]) => c === 2 && l === 2)
      },
      60_000,
    )
    // The links just published reach the others with the next messages; let a heartbeat pass.
    await new Promise((r) => setTimeout(r, 1500))
    for (const p of all) await countSentUpdates(p.page)
    const text = 'Relayed by nobody'
    await type(ada, 'item-1', text)
    await waitFor(
      'both others show the text',
      async () =>
        (await Promise.all([bob, cleo].map((p) => itemTexts(p.page, 1)))).every(
          (t) => t[0] === text,
        ),
      20_000,
    )
    // Ada sent each key to both; Bob and Cleo had it from her and sent none of it on (y-webrtc
    // as shipped sends every key on to both others: 2 × 17 from each).
    expect(await sentUpdates(ada.page)).toBeGreaterThanOrEqual(2 * text.length)
    expect(await sentUpdates(bob.page)).toBe(0)
    expect(await sentUpdates(cleo.page)).toBe(0)
    await world.closePeers()
  })

  it('where two peers have no link, the one linked to both carries their edits both ways', async () => {
    const room = newRoomParams()
    const ada = await world.openPeer({ ...room, name: 'Ada', create: '1' })
    const bob = await world.openPeer({ ...room, name: 'Bob' })
    await waitFor(
      'Ada and Bob linked',
      async () => (await linkedPeers(ada.page)) === 1 && (await linkedPeers(bob.page)) === 1,
      60_000,
    )
    // Ada can reach Bob but will never reach Cleo (as behind a network that blocks them).
    await refuseNewLinks(ada.page)
    const cleo = await world.openPeer({ ...room, name: 'Cleo' })
    await waitFor('Bob and Cleo linked', async () => (await linkedPeers(bob.page)) === 2, 60_000)
    await waitFor('Cleo has the sprint', async () => (await itemTexts(cleo.page, 1)).length === 1)
    expect(await linkedPeers(ada.page)).toBe(1)
    expect(await linkedPeers(cleo.page)).toBe(1)
    await type(ada, 'item-1', ' from Ada')
    await type(cleo, 'item-2', ' from Cleo')
    await waitFor(
      'Cleo shows Ada’s edit and Ada shows Cleo’s, through Bob',
      async () => {
        const [a, c] = await Promise.all([itemTexts(ada.page, 2), itemTexts(cleo.page, 2)])
        return (
          a[1]?.endsWith(' from Cleo') === true &&
          c[0]?.endsWith(' from Ada') === true &&
          a.join('|') === c.join('|')
        )
      },
      20_000,
    )
    // Still no direct link: it came through Bob.
    expect(await linkedPeers(ada.page)).toBe(1)
    expect(await linkedPeers(cleo.page)).toBe(1)
    // Presence too: past the presence timeout, Ada and Cleo still see each other.
    await new Promise((r) => setTimeout(r, PRESENCE_TIMEOUT_MS + 1000))
    for (const p of [ada, cleo]) {
      const list = p.page.getByRole('list', { name: 'People here' })
      expect(await list.getByRole('listitem').count()).toBe(3)
    }
    await world.closePeers()
  })
})
