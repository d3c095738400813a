import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildCsp, cspProblems, parseCsp } from '../../main/csp'
import { mainWindowOptions, secureWebPreferences } from '../../main/window-options'
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, EVENT_CHANNELS } from '../../shared/ipc/bridge'
import { CHANNEL_NAMES, CHANNEL_NAME_PATTERN, channels } from '../../shared/ipc/contract'

/*
 * A static audit of the Electron security rules. It reads main/'s sources, so a rule broken in
 * a file written later (a second window, a raw ipcMain.handle) fails here.
 */

const ROOT = resolve(import.meta.dirname, '../..')

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return { path: relative(ROOT, path), text: readFileSync(path, 'utf8') }
    })
}

const mainSources = sources('main')

function filesMatching(pattern: RegExp): string[] {
  return mainSources.filter((file) => pattern.test(file.text)).map((file) => file.path)
}

describe('windows', () => {
  it('are created only by the factory, from the secure options', () => {
    expect(filesMatching(/new\s+BrowserWindow\s*\(/)).toEqual(['main/window.ts'])
    const factory = readFileSync(join(ROOT, 'main/window.ts'), 'utf8')
    expect(factory.match(/new\s+BrowserWindow\s*\(/g)).toHaveLength(1)
    expect(factory).toMatch(/new\s+BrowserWindow\(\s*mainWindowOptions\(/)
  })

  it('have the secure web preferences', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(mainWindowOptions({ preloadPath: '/p', platform }).webPreferences).toEqual(
        secureWebPreferences('/p'),
      )
    }
  })

  it('never weaken a preference, load file:// or open a webview anywhere in main/', () => {
    const weakened =
      /(contextIsolation|sandbox|webSecurity)\s*:\s*false|(nodeIntegration\w*|webviewTag|allowRunningInsecureContent)\s*:\s*true/
    expect(filesMatching(weakened)).toEqual([])
    expect(filesMatching(/loadFile\s*\(|loadURL\(\s*['"`]file:/)).toEqual([])
  })

  it('block navigation and deny window.open in the factory', () => {
    const factory = readFileSync(join(ROOT, 'main/window.ts'), 'utf8')
    expect(factory).toContain("'will-navigate'")
    expect(factory).toMatch(/setWindowOpenHandler\([\s\S]*?action: 'deny'/)
    expect(factory).toContain("'will-attach-webview'")
  })
})

describe('Content-Security-Policy', () => {
  it('meets the rules in production', () => {
    const csp = buildCsp()
    expect(cspProblems(csp)).toEqual([])
    const parsed = parseCsp(csp)
    expect(parsed.get('script-src')).toEqual(["'self'"])
    expect(parsed.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:'])
    expect(csp).not.toMatch(/unsafe-eval/)
  })

  it('would catch a weakened policy', () => {
    expect(cspProblems(buildCsp({ devServerOrigin: 'http://localhost:5173' }))).toContain(
      "script-src allows 'unsafe-inline'",
    )
    expect(cspProblems("default-src 'none'; script-src 'self' 'unsafe-eval'")).toContain(
      "script-src allows 'unsafe-eval'",
    )
    expect(cspProblems("script-src 'self'; connect-src *")).toEqual(
      expect.arrayContaining(['connect-src allows *', "default-src is not 'none'"]),
    )
    // WebSockets stay scheme-wide on purpose (see buildCsp); fetch/XHR to other origins do not
    expect(cspProblems(buildCsp().replace("'self' ws:", "'self' https: ws:"))).toEqual([
      'connect-src allows https:',
    ])
  })
})

describe('IPC', () => {
  it('registers handlers only through the guard', () => {
    const raw = /ipcMain\s*\.\s*(handle|handleOnce|on|once|addListener)\s*\(/
    expect(filesMatching(raw)).toEqual(['main/ipc-guard.ts'])
    const guard = readFileSync(join(ROOT, 'main/ipc-guard.ts'), 'utf8')
    // inside the guard, the one registration call is wrapped by checkInvocation
    expect(guard.match(/ipcMain\.handle\(/g)).toHaveLength(1)
    expect(guard).toMatch(
      /ipcMain\.handle\(channel, async \(event, \.\.\.args\) => \{\s*const request = checkInvocation/,
    )
    expect(readFileSync(join(ROOT, 'main/main.ts'), 'utf8')).toMatch(/registerHandlers\(ipcMain,/)
  })

  it('names every channel namespace:verbNoun', () => {
    for (const channel of [...CHANNEL_NAMES, ...EVENT_CHANNELS]) {
      expect(channel, channel).toMatch(CHANNEL_NAME_PATTERN)
    }
  })

  it('has exactly the reviewed channels; only two take a path, neither adds one', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([
      'app:getInfo',
      'backup:listBackups',
      'backup:putSnapshot',
      'backup:restoreBackup',
      'clipboard:writeText',
      'file:importMarkdown',
      'file:openDropped',
      'file:openRecent',
      'file:openSprint',
      'file:saveMarkdown',
      'file:saveSprint',
      'recent:listDocuments',
      'secrets:clearRoom',
      'secrets:getRoom',
      'secrets:setRoom',
      'sync:startLanSignaling',
      'sync:stopLanSignaling',
    ])
    const takesPath = CHANNEL_NAMES.filter((name) => 'path' in channels[name].shape)
    expect(takesPath.sort()).toEqual(['file:openDropped', 'file:openRecent'])
    // the preload sends file:openDropped only with the path webUtils gives for a real File
    const preload = readFileSync(join(ROOT, 'main/preload.ts'), 'utf8')
    expect(preload).toMatch(/file instanceof File \? webUtils\.getPathForFile\(file\) : ''/)
    expect(preload.match(/BRIDGE_CHANNELS\.openDropped/g)).toHaveLength(1)
  })

  it('maps the bridge one to one onto the contract', () => {
    expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(Object.values(BRIDGE_EVENTS).sort()).toEqual([...EVENT_CHANNELS].sort())
  })

  it('keeps ipcRenderer inside the preload', () => {
    expect(filesMatching(/ipcRenderer/)).toEqual(['main/preload.ts'])
    expect(
      sources('renderer')
        .filter((f) => /ipcRenderer|from 'electron'/.test(f.text))
        .map((f) => f.path),
    ).toEqual([])
  })
})

describe('packaging', () => {
  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
    string,
    unknown
  >

  it('configures the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    })
  })

  it('packages an asar with the protocol, the file association and the installers', () => {
    expect(config).toMatchObject({
      productName: 'Sprintpad',
      asar: true,
      protocols: [{ schemes: ['sprintpad'] }],
      fileAssociations: [{ ext: 'sprintpad' }],
      mac: { target: ['dmg'] },
      win: { target: ['nsis'] },
      linux: { target: ['AppImage', 'deb'] },
    })
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
  })
})
