import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/ipc/types'

/** What the menu needs to know and do. */
export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  version: string
  /** Shows developer items (reload, dev tools). */
  isDev: boolean
  /** Sends a command to the focused window's renderer. */
  send: (command: MenuCommand) => void
  /** Opens the README in the browser. */
  openReadme: () => void
}

type Item = MenuItemConstructorOptions

/**
 * The application menu, platform-correct: on macOS an app menu (About, Services, Hide, Quit)
 * comes first, Quit is not in File and the Window menu has the standard Cocoa items; on Windows
 * and Linux File ends with Exit/Quit. Commands that touch a sprint go to the renderer.
 */
export function buildMenuTemplate(options: MenuOptions): Item[] {
  const isMac = options.platform === 'darwin'
  const command = (label: string, name: MenuCommand, accelerator?: string): Item => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(name),
  })
  const file: Item[] = [
    command('New Sprint', 'newSprint', 'CmdOrCtrl+N'),
    command('Start Next Sprint', 'startNextSprint', 'CmdOrCtrl+Shift+N'),
    { type: 'separator' },
    command('Open…', 'openSprint', 'CmdOrCtrl+O'),
    command('Import Markdown…', 'importMarkdown', 'CmdOrCtrl+Shift+I'),
    { type: 'separator' },
    command('Export Markdown…', 'exportMarkdown', 'CmdOrCtrl+Shift+E'),
    command('Copy Team as GitHub Comment', 'copyTeamComment', 'CmdOrCtrl+Shift+C'),
    command('Save Copy As…', 'saveCopyAs', 'CmdOrCtrl+Shift+S'),
    { type: 'separator' },
    command('Restore from Backup…', 'restoreBackup'),
    { type: 'separator' },
    isMac ? { role: 'close' } : { role: 'quit' },
  ]
  const view: Item[] = [
    // Ctrl/Cmd+E means this one thing, in the menu and in the sprint alike.
    command('Export Panel', 'toggleExportPanel', 'CmdOrCtrl+E'),
    { type: 'separator' },
    ...(options.isDev
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] satisfies Item[])
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  const help: Item[] = [
    { label: `${options.appName} ${options.version}`, enabled: false },
    { label: 'Read Me', click: () => options.openReadme() },
  ]
  const mnemonic = (label: string): string => (isMac ? label : `&${label}`)
  return [
    ...(isMac ? [{ label: options.appName, role: 'appMenu' } satisfies Item] : []),
    { label: mnemonic('File'), submenu: file },
    { label: mnemonic('Edit'), role: 'editMenu' },
    { label: mnemonic('View'), submenu: view },
    { label: mnemonic('Window'), role: 'windowMenu' },
    { label: mnemonic('Help'), role: 'help', submenu: help },
  ]
}
