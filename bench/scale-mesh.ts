import type { Browser, Page } from 'playwright-core'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint } from '../shared/doc'
import type { AppPage } from '../test/helpers/app-page'
import { seedSprints } from '../test/helpers/seed-sprints'
import { waitFor } from '../test/helpers/wait'
import type { P2PWorld } from '../test/renderer/sync/p2p-harness'
import { openAppPeers, openBarePeers, shareWithAll } from './peers'

/**
 * The meshes of the scale benchmark (scale.bench.ts): app or bare peers in one room, each
 * typing into its own fields of one sprint team (the app) or one page of fields (bare).
 */

/** A mesh of peers, app or bare, each typing into its own fields. */
export interface Mesh {
  pages: Page[]
  /** Each Chromium process's profile directory and the peers it holds. */
  groups: { dir: string; peers: number[] }[]
  /** How many others each peer was connected to when typing began. */
  counts: number[]
  /** All fields, and the attribute naming each. */
  selector: string
  keyAttr: string
  /** The fields of peer `i`. */
  own: (i: number) => string[]
  close: () => Promise<void>
}

/** A sprint with one team of `items` items, `Item 1`…, spread over the list sections. */
function scaleSprint(items: number): { doc: Y.Doc; id: string; itemIds: string[] } {
  const doc = new Y.Doc()
  const id = `scalesprint${items}`
  createSprint(doc, { id, title: 'Scale sprint', startDate: '2024-07-01', endDate: '2024-07-12' })
  const sections = ['retro', 'hangover', 'okr', 'high', 'low'] as const
  const itemIds: string[] = []
  doc.transact(() => {
    const teamId = addTeam(doc, { id: 'scale-team', name: 'Scale' })
    for (let i = 0; i < items; i++) {
      const section = sections[Math.floor((i * sections.length) / items)] ?? 'high'
      itemIds.push(addItem(doc, { id: `scale-${i}`, teamId, section, text: `Item ${i + 1}` }))
    }
  })
  return { doc, id, itemIds }
}

/** Peer `i` of `n` owns every `n`th field from the `i`th. */
function ownedBy(keys: readonly string[], n: number): (i: number) => string[] {
  return (i) => keys.filter((_, k) => k % n === i)
}

/** The Chromium processes of `n` peers: `shared` ones round-robin, else one each. */
function groupsOf(n: number, dirs: readonly string[], shared: readonly SharedBrowser[]) {
  const peers = Array.from({ length: n }, (_, i) => i)
  if (shared.length === 0) return dirs.map((dir, i) => ({ dir, peers: [i] }))
  return shared.map((b, k) => ({ dir: b.dir, peers: peers.filter((i) => i % shared.length === k) }))
}

export interface SharedBrowser {
  browser: Browser
  dir: string
}

export interface MeshOptions {
  /** Chromium processes to share, round-robin (else one each). */
  shared?: readonly SharedBrowser[]
  /** Measure a partial mesh if the full one does not form in 2 minutes (see waitForMesh). */
  isPartialOk?: boolean
}

/** The app on `n` peers: peer 0 stores the sprint, opens it and shares it; the others join. */
export async function appMesh(
  n: number,
  items: number,
  root: string,
  signalingUrl: string,
  { shared = [], isPartialOk = false }: MeshOptions = {},
) {
  const browsers = shared.map((b) => b.browser)
  const { apps, close } = await openAppPeers(n, root, { signalingUrl }, browsers)
  try {
    const sprint = scaleSprint(items)
    const host = apps[0] as AppPage
    await seedSprints(host.page, [sprint.doc])
    await host.page.goto('about:blank')
    await host.page.goto(`${host.server.url}/#/sprint/${sprint.id}`)
    const fields = (p: Page): Promise<number> => p.locator('textarea[data-item-id]').count()
    await waitFor('the scale sprint open', async () => (await fields(host.page)) === items)
    const pages = apps.map((a) => a.page)
    const counts = await shareWithAll(pages, async (p) => (await fields(p)) === items, false, {
      isPartialOk,
    })
    return {
      pages,
      groups: groupsOf(
        n,
        apps.map((a) => a.profile.dir),
        shared,
      ),
      selector: 'textarea[data-item-id]',
      keyAttr: 'data-item-id',
      own: ownedBy(sprint.itemIds, n),
      counts,
      close,
    } satisfies Mesh
  } catch (err) {
    await close()
    throw err
  }
}

/** Bare y-webrtc on `n` peers with `items` fields each. */
export async function bareMesh(
  n: number,
  items: number,
  world: P2PWorld,
  { shared = [], isPartialOk = false }: MeshOptions = {},
): Promise<Mesh> {
  const browsers = shared.map((b) => b.browser)
  const fields = { fields: String(items) }
  const { pages, profileDirs, counts, close } = await openBarePeers(n, world, fields, browsers, {
    isPartialOk,
  })
  const keys = Array.from({ length: items }, (_, k) => `Bare text ${k + 1}`)
  return {
    pages,
    groups: groupsOf(n, profileDirs, shared),
    selector: 'textarea[aria-label^="Bare text"]',
    keyAttr: 'aria-label',
    own: ownedBy(keys, n),
    counts,
    close,
  }
}
