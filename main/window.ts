import { BrowserWindow, type WebContents } from 'electron'
import { decideNavigation, externalUrlToOpen } from './url-policy'
import { mainWindowOptions } from './window-options'

/** What the window factory needs. */
export interface WindowFactoryOptions {
  preloadPath: string
  iconPath?: string
  /** The origins the window may show: the app origin (plus the dev server in development). */
  allowedOrigins: readonly string[]
  /** `shell.openExternal`; called only with URLs that passed the policy. */
  openExternal: (url: string) => Promise<void>
}

/**
 * The one place a `BrowserWindow` is created (the audit test enforces it). The window is
 * sandboxed and isolated (see `secureWebPreferences`) and hardened by {@link hardenWebContents}.
 */
export function createSecureWindow(options: WindowFactoryOptions): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: options.preloadPath,
      platform: process.platform,
      ...(options.iconPath ? { iconPath: options.iconPath } : {}),
    }),
  )
  hardenWebContents(window.webContents, options)
  window.once('ready-to-show', () => window.show())
  return window
}

/**
 * Denies every navigation away from the allowed origins and every `window.open`; allowed
 * external links (https, mailto) go to the user's browser instead. No `<webview>` may attach.
 */
export function hardenWebContents(
  contents: WebContents,
  options: Pick<WindowFactoryOptions, 'allowedOrigins' | 'openExternal'>,
): void {
  const onNavigate = (event: { preventDefault: () => void }, url: string): void => {
    const decision = decideNavigation(url, options.allowedOrigins)
    if (decision.action === 'allow') return
    event.preventDefault()
    if (decision.action === 'openExternal') void options.openExternal(decision.url)
  }
  contents.on('will-navigate', onNavigate)
  contents.on('will-redirect', onNavigate)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url)
    if (external !== null) void options.openExternal(external)
    return { action: 'deny' }
  })
}
