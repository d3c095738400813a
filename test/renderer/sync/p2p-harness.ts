import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import type { Browser, Page } from 'playwright-core'
import { SignalingServer } from '../../../main/signaling/server'
import { generateRoom } from '../../../shared/sync'
import { contextProfile, launchProfile, type Profile } from '../../helpers/chromium'
import { serveStatic } from '../../helpers/static-server'

export { waitFor } from '../../helpers/wait'

const RENDERER = resolve(import.meta.dirname, '../../../renderer')

/**
 * Everything a multi-process sync test needs: the sync harness page built with Vite into a
 * temporary directory and served on 127.0.0.1, the project's own signaling server on 127.0.0.1,
 * and a way to open peers, each a separate Chromium process with its own profile.
 */
export interface P2PWorld {
  signalingUrl: string
  server: SignalingServer
  webUrl: string
  /** A peer in its own Chromium process, or in a fresh context of `browser` when given. */
  openPeer: (params: Record<string, string>, browser?: Browser) => Promise<PeerPage>
  /** Closes and removes every peer opened so far (the servers stay up). */
  closePeers: () => Promise<void>
  stop: () => Promise<void>
}

export interface PeerPage {
  profile: Profile
  page: Page
}

export async function buildHarness(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: RENDERER,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: resolve(RENDERER, 'sync-harness.html') },
    },
  })
}

export async function startWorld(): Promise<P2PWorld> {
  const outDir = await mkdtemp(join(tmpdir(), 'sprintpad-sync-harness-'))
  await buildHarness(outDir)
  const web = await serveStatic(outDir)
  const server = new SignalingServer({ host: '127.0.0.1' })
  const { port } = await server.start()
  const signalingUrl = `ws://127.0.0.1:${port}`
  const peers: PeerPage[] = []
  return {
    signalingUrl,
    server,
    webUrl: web.url,
    openPeer: async (params, browser) => {
      const profile = browser
        ? await contextProfile(browser)
        : await launchProfile({ viewport: { width: 900, height: 700 } })
      const page = await profile.context.newPage()
      const peer = { profile, page }
      peers.push(peer)
      page.on('pageerror', (err) => console.error(`[peer ${params.name ?? ''}] ${err.message}`))
      if (process.env.SPRINTPAD_DEBUG_PEERS) {
        page.on('console', (m) => console.log(`[peer ${params.name ?? ''} console] ${m.text()}`))
      }
      const hash = new URLSearchParams({ s: signalingUrl, ...params })
      await page.goto(`${web.url}/sync-harness.html#${hash.toString()}`)
      return peer
    },
    closePeers: async () => {
      await Promise.all(peers.splice(0).map((p) => p.profile.remove()))
    },
    stop: async () => {
      await Promise.all(peers.splice(0).map((p) => p.profile.remove()))
      await server.stop()
      await web.stop()
      await rm(outDir, { recursive: true, force: true })
    },
  }
}

/** A fresh room (random id and secret), as "Share this sprint" makes. */
export function newRoomParams(): { room: string; secret: string } {
  return generateRoom()
}

/** The texts of the harness items as the page's DOM shows them. */
export async function itemTexts(page: Page, n: number): Promise<string[]> {
  const out: string[] = []
  for (let i = 1; i <= n; i++) out.push(await page.getByLabel(`Item item-${i}`).inputValue())
  return out
}

/** The number of connected WebRTC peers the page's connection indicator reports. */
export async function connectedPeers(page: Page): Promise<number> {
  const text = (await page.getByRole('status', { name: 'Connection' }).textContent()) ?? ''
  const m = /(\d+) peers? connected/.exec(text)
  return m ? Number(m[1]) : 0
}
