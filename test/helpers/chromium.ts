import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** Debian's Chromium; never a browser downloaded by Playwright (it cannot be downloaded here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags that keep headless Chromium off the (closed) network and quiet. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // As the desktop app does (main/main.ts): WebRTC host candidates as plain addresses, not mDNS
  // names (whose resolution now and then fails and leaves a connection to be retried).
  '--disable-features=WebRtcHideLocalIpsWithMdns',
]

/** A Chromium process with its own profile directory (so IndexedDB and BroadcastChannel are its own). */
export interface Profile {
  context: BrowserContext
  dir: string
  /** Closes the browser; the profile directory stays until {@link Profile.remove}. */
  close: () => Promise<void>
  /** Closes the browser and deletes the profile directory. */
  remove: () => Promise<void>
}

/**
 * Launches a separate Chromium process with a fresh (or the given) profile directory. Each call is
 * its own OS process, so two profiles cannot share state except over the network.
 */
export async function launchProfile(
  options: {
    dir?: string
    colorScheme?: 'light' | 'dark'
    viewport?: { width: number; height: number }
    /** Chromium flags besides {@link CHROMIUM_ARGS}. */
    args?: readonly string[]
  } = {},
): Promise<Profile> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'sprintpad-profile-')))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  const close = closeOnce(context)
  return {
    context,
    dir,
    close,
    remove: async () => {
      await close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * One Chromium process meant to hold several {@link contextProfile}s, when a test or benchmark
 * needs more peers than the machine carries as separate processes. Returns it with the profile
 * directory Playwright gave it (from its command line; '' if Chromium does not say).
 */
export async function launchBrowser(): Promise<{ browser: Browser; dir: string }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Lets CDP's Browser.getBrowserCommandLine answer (where Playwright put the profile).
    args: [...CHROMIUM_ARGS, '--enable-automation'],
  })
  const cdp = await browser.newBrowserCDPSession()
  const { arguments: argv } = await cdp
    .send('Browser.getBrowserCommandLine')
    .catch(() => ({ arguments: [] as string[] }))
  await cdp.detach()
  const dir = argv.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length)
  return { browser, dir: dir ?? '' }
}

/**
 * A fresh browser context in a shared Chromium process (see {@link launchBrowser}): its own
 * storage (IndexedDB, localStorage, BroadcastChannel), kept in memory, and its own renderer
 * process. `dir` is '' (nothing on disk); `remove` closes it.
 */
export async function contextProfile(browser: Browser): Promise<Profile> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  const close = closeOnce(context)
  return { context, dir: '', close, remove: close }
}

/** Closes `context` the first time it is called; later calls (and a failed close) do nothing. */
function closeOnce(context: BrowserContext): () => Promise<void> {
  let isClosed = false
  return async () => {
    if (isClosed) return
    isClosed = true
    await context.close().catch(() => undefined)
  }
}
