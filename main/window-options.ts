import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

/**
 * The web preferences of every window: isolated, sandboxed, no Node, web security on, no
 * `<webview>`, and no navigation by dropping a file. The audit test (test/main/audit.test.ts)
 * checks these values and that no window is created elsewhere.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  }
}

/** The options of the main window. */
export function mainWindowOptions(options: {
  preloadPath: string
  platform: NodeJS.Platform
  iconPath?: string
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Sprintpad',
    backgroundColor: '#ffffff',
    ...(options.platform === 'linux' && options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  }
}
