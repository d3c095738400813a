import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron'
import { networkInterfaces } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { decodeSprintFile } from '../shared/file'
import type { EventChannel } from '../shared/ipc/bridge'
import type { EventPayloads } from '../shared/ipc/types'
import { APP_ORIGIN, APP_SCHEME, APP_URL, LINK_SCHEME, originOf } from './app-origin'
import { createAppProtocolHandler } from './app-protocol'
import { BackupStore } from './backup-store'
import { buildCsp } from './csp'
import { createHandlers, type Dialogs } from './handlers'
import { registerHandlers } from './ipc-guard'
import { findLaunchTargets, parseSprintpadLink, type LaunchTargets } from './launch-targets'
import { LanSignaling } from './lan-signaling'
import { buildMenuTemplate } from './menu-template'
import { readOpenedFile } from './opened-file'
import { isPermissionGranted } from './permissions'
import { RecentList } from './recent-list'
import { SecretStore } from './secret-store'
import { SignalingServer } from './signaling/server'
import { externalUrlToOpen } from './url-policy'
import { createSecureWindow } from './window'

/*
 * The thin wiring of the main process: every decision lives in a module tested under Node.
 */

const README_URL = 'https://github.com/sprintpad/sprintpad#readme'
/** Set by scripts/dev.mjs; ignored in a packaged app. */
const devServerUrl = app.isPackaged ? undefined : process.env.SPRINTPAD_DEV_SERVER_URL
const devOrigin = devServerUrl ? originOf(devServerUrl) : null
const trustedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]
const csp = buildCsp(devOrigin ? { devServerOrigin: devOrigin } : {})
/** A throw-away user-data folder for tests (the Electron smoke test); ignored when packaged. */
const testUserData = app.isPackaged ? undefined : process.env.SPRINTPAD_USER_DATA_DIR
if (testUserData) app.setPath('userData', testUserData)

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      corsEnabled: true,
      codeCache: true,
    },
  },
])

let mainWindow: BrowserWindow | null = null
let isRendererReady = false
const outbox: { channel: EventChannel; payload: EventPayloads[EventChannel] }[] = []

function send<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void {
  if (mainWindow && isRendererReady) mainWindow.webContents.send(channel, payload)
  else outbox.push({ channel, payload })
}

async function openExternal(url: string): Promise<void> {
  const safe = externalUrlToOpen(url)
  if (safe !== null) await shell.openExternal(safe)
}

function userDataPath(...parts: string[]): string {
  return join(app.getPath('userData'), ...parts)
}

const recent = new RecentList({
  file: userDataPath('recent-documents.json'),
  onAdd: (path) => app.addRecentDocument(path),
})

async function deliver(targets: LaunchTargets): Promise<void> {
  for (const link of targets.links) send('link:deliverLink', link)
  for (const path of targets.files) {
    try {
      send('file:deliverFile', await readOpenedFile(path))
      await recent.add(path)
    } catch (error) {
      dialog.showErrorBox(`Could not open ${basename(path)}`, (error as Error).message)
    }
  }
}

function createWindow(): void {
  isRendererReady = false
  const window = createSecureWindow({
    preloadPath: join(import.meta.dirname, 'preload.cjs'),
    allowedOrigins: trustedOrigins,
    openExternal,
    ...(app.isPackaged ? {} : { iconPath: join(app.getAppPath(), 'build/icons/512x512.png') }),
  })
  window.webContents.on('did-finish-load', () => {
    isRendererReady = true
    for (const { channel, payload } of outbox.splice(0)) window.webContents.send(channel, payload)
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  mainWindow = window
  void window.loadURL(devServerUrl ?? APP_URL)
}

function focusWindow(): void {
  if (!mainWindow) return createWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function dialogs(): Dialogs {
  const parent = (): BrowserWindow | undefined =>
    BrowserWindow.getFocusedWindow() ?? mainWindow ?? undefined
  return {
    save: async (options) => {
      const window = parent()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    open: async ({ title, filters, multiple }) => {
      const options: Electron.OpenDialogOptions = {
        title,
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      }
      const window = parent()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? [] : result.filePaths
    },
  }
}

function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((contents, permission, callback) =>
    callback(isPermissionGranted(permission, contents.getURL(), trustedOrigins)),
  )
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trustedOrigins),
  )
  ses.setDevicePermissionHandler(() => false)
  if (devOrigin) {
    ses.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) =>
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
      }),
    )
  }
}

function registerLinkScheme(): void {
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [resolve(process.argv[1])])
  } else {
    app.setAsDefaultProtocolClient(LINK_SCHEME)
  }
}

function registerIpc(): void {
  const signaling = new LanSignaling({
    create: () => new SignalingServer({ host: '0.0.0.0', port: 0 }),
    interfaces: networkInterfaces,
  })
  app.on('will-quit', () => void signaling.stop())
  const platform = process.platform
  const handlers = createHandlers({
    dialogs: dialogs(),
    recent,
    backups: new BackupStore({
      dir: userDataPath('backups'),
      validate: (bytes) => void decodeSprintFile(bytes),
    }),
    secrets: new SecretStore({ file: userDataPath('room-secrets.json'), cipher: safeStorage }),
    signaling,
    writeClipboard: (text) => clipboard.writeText(text),
    appInfo: {
      version: app.getVersion(),
      platform:
        platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other',
    },
    documentsDir: app.getPath('documents'),
  })
  registerHandlers(ipcMain, handlers, { trustedOrigins })
}

function buildMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    version: app.getVersion(),
    isDev: !app.isPackaged,
    send: (command) => send('menu:runCommand', command),
    openReadme: () => void openExternal(README_URL),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// WebRTC host candidates as plain LAN addresses rather than mDNS names: laptops in the meeting
// connect without multicast name resolution, which some networks block and which, even on one
// machine, now and then fails to resolve and leaves a connection stuck until it is retried. Only
// peers holding the room's secret see the candidates (signaling is encrypted with it).
app.commandLine.appendSwitch('disable-features', 'WebRtcHideLocalIpsWithMdns')

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void deliver(findLaunchTargets(process.argv.slice(1), process.cwd()))
  registerLinkScheme()
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow()
    void deliver(findLaunchTargets(argv.slice(1), workingDirectory))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    void deliver({ files: [path], links: [] })
  })
  app.on('open-url', (event, url) => {
    event.preventDefault()
    const link = parseSprintpadLink(url)
    if (link !== null) send('link:deliverLink', link)
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (attach) => attach.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  void app.whenReady().then(() => {
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(join(import.meta.dirname, '../renderer'), csp),
    )
    hardenSession()
    registerIpc()
    buildMenu()
    createWindow()
  })
}
