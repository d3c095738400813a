import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../shared/ipc/contract'

/*
 * Runs the real main/main.ts against a recording stand-in of the `electron` module (the binary
 * cannot run here) and checks the wiring: scheme, lock, window, IPC, menu, session, navigation.
 */

type Fn = (...args: never[]) => unknown

const fake = vi.hoisted(() => {
  const calls: Record<string, unknown[][]> = {}
  const record =
    (name: string, result?: unknown) =>
    (...args: unknown[]): unknown => {
      ;(calls[name] ??= []).push(args)
      return result
    }
  const windows: { options: unknown; contentsHandlers: Map<string, Fn>; openHandler?: Fn }[] = []
  class BrowserWindow {
    static getFocusedWindow = (): null => null
    static getAllWindows = (): unknown[] => windows
    readonly record: (typeof windows)[number]
    readonly webContents: Record<string, unknown>
    constructor(options: unknown) {
      const entry: (typeof windows)[number] = { options, contentsHandlers: new Map() }
      this.record = entry
      windows.push(entry)
      this.webContents = {
        on: (event: string, handler: Fn) => entry.contentsHandlers.set(event, handler),
        setWindowOpenHandler: (handler: Fn) => (entry.openHandler = handler),
        send: record('webContents.send'),
      }
    }
    once = record('window.once')
    on = record('window.on')
    loadURL = (url: string): Promise<void> => (record('window.loadURL')(url), Promise.resolve())
  }
  const state = { userData: '' }
  const electron = {
    app: {
      isPackaged: false,
      getPath: (name: string) => join(state.userData, name),
      setPath: record('app.setPath'),
      requestSingleInstanceLock: () => true,
      quit: record('app.quit'),
      on: record('app.on'),
      whenReady: () => Promise.resolve(),
      getName: () => 'Sprintpad',
      getVersion: () => '0.1.0',
      getAppPath: () => '/app',
      addRecentDocument: record('app.addRecentDocument'),
      commandLine: { appendSwitch: record('app.commandLine.appendSwitch') },
      setAsDefaultProtocolClient: record('app.setAsDefaultProtocolClient'),
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    ipcMain: { handle: record('ipcMain.handle') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('session.setPermissionRequestHandler'),
        setPermissionCheckHandler: record('session.setPermissionCheckHandler'),
        setDevicePermissionHandler: record('session.setDevicePermissionHandler'),
        webRequest: { onHeadersReceived: record('session.onHeadersReceived') },
      },
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: record('Menu.setApplicationMenu'),
    },
    shell: { openExternal: record('shell.openExternal', Promise.resolve()) },
    dialog: { showErrorBox: record('dialog.showErrorBox') },
    clipboard: { writeText: record('clipboard.writeText') },
    safeStorage: { isEncryptionAvailable: () => false },
  }
  return { calls, windows, state, electron }
})

vi.mock('electron', () => fake.electron)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-wiring-'))
  fake.state.userData = dir
  delete process.env.SPRINTPAD_DEV_SERVER_URL
  await import('../../main/main')
  await new Promise((ok) => setTimeout(ok, 20))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const calls = (name: string): unknown[][] => fake.calls[name] ?? []

describe('main process wiring', () => {
  it('registers app:// as a privileged standard, secure scheme before ready', () => {
    expect(calls('protocol.registerSchemesAsPrivileged')[0]?.[0]).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }),
      }),
    ])
    expect(calls('protocol.handle').map((args) => args[0])).toEqual(['app'])
  })

  it('gives WebRTC plain LAN host candidates (no mDNS names to resolve), before ready', () => {
    expect(calls('app.commandLine.appendSwitch')).toContainEqual([
      'disable-features',
      'WebRtcHideLocalIpsWithMdns',
    ])
  })

  it('handles second instances, file opening and links', () => {
    const events = calls('app.on').map((args) => args[0])
    expect(events).toEqual(
      expect.arrayContaining(['second-instance', 'open-file', 'open-url', 'web-contents-created']),
    )
    expect(calls('app.setAsDefaultProtocolClient')[0]?.[0]).toBe('sprintpad')
  })

  it('creates one secure window on app://sprintpad/', () => {
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0]?.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    })
    expect(calls('window.loadURL')).toEqual([['app://sprintpad/']])
  })

  it('registers every channel of the contract behind the guard', async () => {
    const registered = calls('ipcMain.handle')
    expect(registered.map((args) => args[0]).sort()).toEqual([...CHANNEL_NAMES].sort())
    const getInfo = registered.find((args) => args[0] === 'app:getInfo')?.[1] as Fn
    const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })
    await expect(
      (getInfo as (event: unknown, request: unknown) => Promise<unknown>)(
        from('app://sprintpad/'),
        {},
      ),
    ).resolves.toEqual({ version: '0.1.0', platform: expect.any(String) })
    await expect(
      (getInfo as (event: unknown, request: unknown) => Promise<unknown>)(
        from('https://evil.example/'),
        {},
      ),
    ).rejects.toThrow(/foreign origin/)
  })

  it('denies permissions and sets the application menu', () => {
    const requestHandler = calls('session.setPermissionRequestHandler')[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    const answers: boolean[] = []
    requestHandler({ getURL: () => 'app://sprintpad/' }, 'media', (granted) =>
      answers.push(granted),
    )
    requestHandler({ getURL: () => 'app://sprintpad/' }, 'geolocation', (granted) =>
      answers.push(granted),
    )
    expect(answers).toEqual([false, false])
    expect(calls('Menu.setApplicationMenu')).toHaveLength(1)
  })

  it('blocks navigation away from the app and sends allowed links to the browser', () => {
    const window = fake.windows[0]
    const navigate = window?.contentsHandlers.get('will-navigate') as (
      event: { preventDefault: () => void },
      url: string,
    ) => void
    const prevented: string[] = []
    for (const url of ['https://github.com/x', 'file:///etc/passwd', 'app://sprintpad/other']) {
      navigate({ preventDefault: () => prevented.push(url) }, url)
    }
    expect(prevented).toEqual(['https://github.com/x', 'file:///etc/passwd'])
    expect(calls('shell.openExternal')).toEqual([['https://github.com/x']])
    const open = window?.openHandler as (details: { url: string }) => unknown
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(open({ url: 'https://posthog.com/' })).toEqual({ action: 'deny' })
    expect(calls('shell.openExternal')).toHaveLength(2)
  })
})
