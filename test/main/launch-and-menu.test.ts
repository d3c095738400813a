import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { APP_ORIGIN } from '../../main/app-origin'
import { findLaunchTargets, parseSprintpadLink } from '../../main/launch-targets'
import { buildMenuTemplate } from '../../main/menu-template'
import { isPermissionGranted } from '../../main/permissions'
import { MENU_COMMANDS, type MenuCommand } from '../../shared/ipc/types'

describe('launch targets', () => {
  it('parses sprintpad:// links and refuses others', () => {
    expect(parseSprintpadLink('sprintpad://join/room?k=abc#x')).toBe(
      'sprintpad://join/room?k=abc#x',
    )
    expect(parseSprintpadLink('SPRINTPAD://join/r')).toBe('sprintpad://join/r')
    for (const bad of [
      'https://x.example',
      'sprintpad://u:p@join/r',
      'sprintpad://join/\nr',
      'sprintpad:',
      'sprintpad:///x',
    ]) {
      expect(parseSprintpadLink(bad), bad).toBeNull()
    }
  })

  it('finds files and links on a command line, skipping flags and the app path', () => {
    const argv = [
      '.',
      '--inspect=9229',
      '--no-sandbox',
      'plans/July.sprintpad',
      '/home/ada/notes.md',
      'sprintpad://join/room1',
      'javascript:alert(1)',
      'README.txt',
    ]
    expect(findLaunchTargets(argv, '/work')).toEqual({
      files: ['/work/plans/July.sprintpad', '/home/ada/notes.md'],
      links: ['sprintpad://join/room1'],
    })
  })
})

function labels(items: MenuItemConstructorOptions[] | undefined): string[] {
  return (items ?? []).map((item) => item.label ?? item.role ?? item.type ?? '?')
}

function submenu(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label?.replace('&', '') === label)
  if (!Array.isArray(menu?.submenu)) throw new Error(`no ${label} submenu`)
  return menu.submenu
}

describe('menu template', () => {
  const build = (platform: NodeJS.Platform, sent: MenuCommand[] = [], isDev = false) =>
    buildMenuTemplate({
      platform,
      appName: 'Sprintpad',
      version: '1.2.3',
      isDev,
      send: (command) => sent.push(command),
      openReadme: () => sent.push('openReadme' as MenuCommand),
    })

  it('has the app menu on macOS only, with Quit there instead of in File', () => {
    const mac = build('darwin')
    expect(labels(mac)).toEqual(['Sprintpad', 'File', 'Edit', 'View', 'Window', 'Help'])
    expect(mac[0]?.role).toBe('appMenu')
    expect(submenu(mac, 'File').some((item) => item.role === 'quit')).toBe(false)
    for (const platform of ['win32', 'linux'] as const) {
      const template = build(platform)
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help'])
      expect(submenu(template, 'File').at(-1)?.role).toBe('quit')
    }
  })

  it('sends every menu command from File and View, each with the documented accelerator', () => {
    const sent: MenuCommand[] = []
    const template = build('linux', sent)
    const items = [...submenu(template, 'File'), ...submenu(template, 'View')]
    for (const item of items) if (item.click) (item.click as () => void)()
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
    const accelerators = items.map((item) => item.accelerator).filter((a) => a !== undefined)
    // No accelerator means two things (Ctrl/Cmd+E once clashed with the sprint's own).
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(Object.fromEntries(items.map((item) => [item.label, item.accelerator]))).toMatchObject({
      'New Sprint': 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      'Export Markdown…': 'CmdOrCtrl+Shift+E',
      'Export Panel': 'CmdOrCtrl+E',
      'Save Copy As…': 'CmdOrCtrl+Shift+S',
    })
  })

  it('uses the standard roles and shows the version and README in Help', () => {
    const sent: MenuCommand[] = []
    const template = build('win32', sent)
    expect(template.find((item) => item.label === '&Edit')?.role).toBe('editMenu')
    expect(template.find((item) => item.label === '&Window')?.role).toBe('windowMenu')
    const help = submenu(template, 'Help')
    expect(help[0]).toMatchObject({ label: 'Sprintpad 1.2.3', enabled: false })
    ;(help[1]?.click as () => void)()
    expect(sent).toEqual(['openReadme'])
  })

  it('shows developer tools only in development', () => {
    const roles = (isDev: boolean) =>
      submenu(build('linux', [], isDev), 'View').map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })
})

describe('permissions', () => {
  it('denies everything except sanitized clipboard writes from our origin', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', `${APP_ORIGIN}/`, [APP_ORIGIN])).toBe(
      true,
    )
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      expect(isPermissionGranted(permission, `${APP_ORIGIN}/`, [APP_ORIGIN]), permission).toBe(
        false,
      )
    }
    expect(
      isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', [APP_ORIGIN]),
    ).toBe(false)
    expect(isPermissionGranted('clipboard-sanitized-write', '', [APP_ORIGIN])).toBe(false)
  })
})
