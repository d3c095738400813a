import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_CHANNELS, BRIDGE_EVENTS, type SprintpadBridge } from '../../shared/ipc/bridge'

/*
 * Runs the real preload against a stand-in `electron` module and looks at what it exposes.
 */

type Listener = (event: unknown, payload: unknown) => void

const electron = vi.hoisted(() => {
  const exposed: [string, unknown][] = []
  const listeners = new Map<string, Listener>()
  const invoke = vi.fn(async (channel: string, request: unknown) => ({ channel, request }))
  return {
    exposed,
    listeners,
    invoke,
    module: {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke,
        on: (channel: string, listener: Listener) => listeners.set(channel, listener),
      },
      webUtils: { getPathForFile: () => '/home/ada/July.sprintpad' },
    },
  }
})

vi.mock('electron', () => electron.module)

let bridge: SprintpadBridge
beforeAll(async () => {
  await import('../../main/preload')
  bridge = electron.exposed[0]?.[1] as SprintpadBridge
})

describe('preload', () => {
  it('exposes exactly one object, window.sprintpad, of the contract functions', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['sprintpad'])
    const expected = [...Object.keys(BRIDGE_CHANNELS), ...Object.keys(BRIDGE_EVENTS)].sort()
    expect(Object.keys(bridge).sort()).toEqual(expected)
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
  })

  it('maps each function onto its channel with the request as the only argument', async () => {
    electron.invoke.mockClear()
    await bridge.saveMarkdown({ suggestedName: 'a.md', text: 'x' })
    await bridge.openSprint()
    await bridge.listBackups({ sprintId: 's1' })
    expect(electron.invoke.mock.calls).toEqual([
      ['file:saveMarkdown', { suggestedName: 'a.md', text: 'x' }],
      ['file:openSprint', {}],
      ['backup:listBackups', { sprintId: 's1' }],
    ])
  })

  it('opens a real dropped File by its path and never calls main for anything else', async () => {
    electron.invoke.mockClear()
    await bridge.openDropped(new File(['x'], 'July.sprintpad'))
    expect(await bridge.openDropped({ name: '/etc/passwd' })).toBeNull()
    expect(electron.invoke.mock.calls).toEqual([
      ['file:openDropped', { path: '/home/ada/July.sprintpad' }],
    ])
  })

  it('delivers events without the IPC event, queues early ones, and unsubscribes', () => {
    const deliver = (channel: string, payload: unknown): void =>
      electron.listeners.get(channel)?.({ sender: 'ipcRenderer!' }, payload)
    deliver('file:deliverFile', { name: 'early.md', text: '# early' })

    const files: unknown[] = []
    const unsubscribe = bridge.onOpenFile((file) => files.push(file))
    expect(files).toEqual([{ name: 'early.md', text: '# early' }])

    deliver('file:deliverFile', { name: 'later.md', text: '# later' })
    expect(files).toHaveLength(2)
    unsubscribe()
    deliver('file:deliverFile', { name: 'after.md', text: '' })
    expect(files).toHaveLength(2)

    const commands: string[] = []
    bridge.onMenuCommand((command) => commands.push(command))
    deliver('menu:runCommand', 'exportMarkdown')
    expect(commands).toEqual(['exportMarkdown'])
  })
})
