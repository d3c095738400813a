import type { Browser, Page } from 'playwright-core'
import {
  configureSync,
  joinSprint,
  openApp,
  shareSprint,
  type AppPage,
} from '../test/helpers/app-page'
import { waitFor } from '../test/helpers/wait'
import { connectedPeers, newRoomParams, type P2PWorld } from '../test/renderer/sync/p2p-harness'
import { track } from './lifecycle'

/**
 * The peers of the sync benchmarks: the real app (each a Chromium process with a fresh profile
 * and its own static server on 127.0.0.1) and bare y-webrtc pages (the sync harness's bare page),
 * all closed by the bench's lifecycle (lifecycle.ts) whatever happens.
 */

/**
 * Opens `n` app peers named `Peer 0`… with the signaling server at `signalingUrl`; with
 * `server`, they sync through that Sprintpad server alone (their signaling endpoint blocked, so
 * they never meet as WebRTC peers). Each peer is a Chromium process of its own, or, given
 * `browsers`, a fresh context of `browsers[i % browsers.length]`. Returns them with their closer.
 */
export async function openAppPeers(
  n: number,
  root: string,
  sync: { signalingUrl: string; server?: string },
  browsers: readonly Browser[] = [],
): Promise<{ apps: AppPage[]; close: () => Promise<void> }> {
  const closers: (() => Promise<void>)[] = []
  const close = async (): Promise<void> => {
    await Promise.allSettled(closers.splice(0).map((c) => c()))
  }
  try {
    const apps: AppPage[] = []
    for (let i = 0; i < n; i++) {
      const app = await openApp({ root, browser: browsers[i % browsers.length] })
      closers.push(await track(app.close))
      apps.push(app)
      if (sync.server !== undefined) {
        await app.profile.context.routeWebSocket(/\/signaling$/, (ws) => ws.close())
      }
      await configureSync(app.page, { name: `Peer ${i}`, handle: `peer${i}`, ...sync })
    }
    return { apps, close }
  } catch (err) {
    await close()
    throw err
  }
}

/**
 * Peer 0 shares the sprint it has open from the Share panel; every other peer joins with the
 * link in the Join dialog, one after the other. Resolves once `hasArrived` holds on every joined
 * peer and every peer is connected to all the others (see {@link waitForMesh} for `mesh`), or,
 * with `isServerOnly`, shows its edits saved on the server.
 */
export async function shareWithAll(
  pages: readonly Page[],
  hasArrived: (page: Page) => Promise<boolean>,
  isServerOnly = false,
  mesh: { timeoutMs?: number; isPartialOk?: boolean } = {},
): Promise<number[]> {
  const [sharer, ...joiners] = pages
  if (!sharer) throw new Error('no peer to share from')
  const link = await shareSprint(sharer)
  await sharer
    .getByRole('dialog', { name: 'Share this sprint' })
    .getByRole('button', { name: 'Close' })
    .click()
  for (const p of joiners) await joinSprint(p, link)
  await waitFor(
    `the sprint on ${pages.length} app peers`,
    async () => (await Promise.all(joiners.map(hasArrived))).every(Boolean),
    120_000,
  )
  if (isServerOnly) {
    await waitFor(
      `${pages.length} app peers on the server`,
      async () =>
        (
          await Promise.all(
            pages.map((p) => p.getByRole('status', { name: 'Connection' }).textContent()),
          )
        ).every((t) => t?.includes('saved on the server')),
      60_000,
    )
    return []
  }
  return waitForMesh(pages, (p) => connectedPeers(p).catch(() => 0), mesh)
}

/**
 * Waits until every page counts all the others as connected; after `timeoutMs`, throws with
 * each page's count, or with `isPartialOk` prints them and resolves (y-webrtc relays every
 * update, so a partial mesh still converges: the bench then measures that). Returns the counts.
 */
export async function waitForMesh(
  pages: readonly Page[],
  count: (page: Page) => Promise<number>,
  options: { timeoutMs?: number; isPartialOk?: boolean } = {},
): Promise<number[]> {
  let counts: number[] = []
  const isFull = async (): Promise<boolean> => {
    counts = await Promise.all(pages.map(count))
    return counts.every((c) => c === pages.length - 1)
  }
  try {
    await waitFor(`${pages.length} peers connected`, isFull, options.timeoutMs ?? 120_000)
  } catch (err) {
    const seen = `connected peers per page: ${counts.join(' ')}`
    if (!options.isPartialOk) throw new Error(`${String(err)} (${seen})`, { cause: err })
    console.warn(`no full mesh in ${options.timeoutMs ?? 120_000} ms, measuring anyway; ${seen}`)
  }
  return counts
}

/**
 * Opens `n` bare y-webrtc peers in one fresh room (`params` go to the harness page, e.g.
 * `fields`) and waits until each is connected to all the others (see {@link waitForMesh} for
 * `mesh`). Each peer is a Chromium process
 * of its own, or, given `browsers`, a fresh context of `browsers[i % browsers.length]`.
 */
export async function openBarePeers(
  n: number,
  world: P2PWorld,
  params: Record<string, string> = {},
  browsers: readonly Browser[] = [],
  mesh: { timeoutMs?: number; isPartialOk?: boolean } = {},
): Promise<{ pages: Page[]; profileDirs: string[]; counts: number[]; close: () => Promise<void> }> {
  const closers = [await track(() => world.closePeers())]
  const close = async (): Promise<void> => {
    await Promise.allSettled(closers.splice(0).map((c) => c()))
  }
  try {
    const room = newRoomParams()
    const pages: Page[] = []
    const profileDirs: string[] = []
    for (let i = 0; i < n; i++) {
      const peer = await world.openPeer(
        { ...room, ...params, mode: 'bare', name: `P${i}` },
        browsers[i % browsers.length],
      )
      closers.push(await track(() => peer.profile.remove()))
      pages.push(peer.page)
      profileDirs.push(peer.profile.dir)
    }
    const peers = (p: Page): Promise<number> =>
      p.evaluate(() => (window as unknown as { harness: { peers: () => number } }).harness.peers())
    const counts = await waitForMesh(pages, peers, mesh)
    return { pages, profileDirs, counts, close }
  } catch (err) {
    await close()
    throw err
  }
}
