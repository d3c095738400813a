import { describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN } from '../../main/app-origin'
import {
  IpcRefusedError,
  checkInvocation,
  registerHandler,
  registerHandlers,
  type Handlers,
  type InvokeEvent,
  type SenderFrame,
} from '../../main/ipc-guard'
import { CHANNEL_NAMES, type Channel } from '../../shared/ipc/contract'

type Listener = (event: InvokeEvent, ...args: unknown[]) => unknown

/** A stand-in for ipcMain: records handlers so the test can invoke them like Electron does. */
function fakeIpcMain(): {
  handle: (channel: string, listener: Listener) => void
  invoke: (channel: string, event: InvokeEvent, ...args: unknown[]) => Promise<unknown>
} {
  const handlers = new Map<string, Listener>()
  return {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    invoke: async (channel, event, ...args) => {
      const listener = handlers.get(channel)
      if (!listener) throw new Error(`No handler registered for '${channel}'`)
      return listener(event, ...args)
    },
  }
}

const top = (url: string): SenderFrame => ({ url, parent: null })
const appEvent: InvokeEvent = { senderFrame: top(`${APP_ORIGIN}/`) }
const options = { trustedOrigins: [APP_ORIGIN] }

describe('checkInvocation', () => {
  it('returns the validated request of a good invocation', () => {
    const request = { suggestedName: 'Sprint.md', text: '# Hi' }
    expect(checkInvocation('file:saveMarkdown', appEvent, [request], options)).toEqual(request)
  })

  it('refuses an unknown channel', () => {
    expect(() => checkInvocation('fs:readFile', appEvent, [{}], options)).toThrow(
      /unknown channel "fs:readFile"/,
    )
    expect(() => checkInvocation('__proto__', appEvent, [{}], options)).toThrow(IpcRefusedError)
  })

  it('refuses a foreign origin', () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://evil/',
      'about:blank',
    ]) {
      expect(() =>
        checkInvocation('app:getInfo', { senderFrame: top(url) }, [{}], options),
      ).toThrow(/foreign origin/)
    }
  })

  it('refuses a sub-frame, even of our own origin', () => {
    const frame: SenderFrame = { url: `${APP_ORIGIN}/frame.html`, parent: top(`${APP_ORIGIN}/`) }
    expect(() => checkInvocation('app:getInfo', { senderFrame: frame }, [{}], options)).toThrow(
      /sub-frame/,
    )
  })

  it('refuses a sender whose frame is gone', () => {
    expect(() => checkInvocation('app:getInfo', { senderFrame: null }, [{}], options)).toThrow(
      /sender frame is gone/,
    )
  })

  it('refuses malformed requests, naming the field', () => {
    const bad: [Channel, unknown[]][] = [
      ['file:saveMarkdown', [{ suggestedName: 'a.md' }]],
      ['file:saveMarkdown', [{ suggestedName: '../../etc/passwd', text: '' }]],
      ['file:saveSprint', [{ suggestedName: 'a', bytes: 'not bytes' }]],
      ['backup:listBackups', [{ sprintId: '../other' }]],
      ['backup:restoreBackup', [{ backupId: 'abc/../../x' }]],
      ['app:getInfo', [{ extra: true }]],
      ['app:getInfo', []],
      ['app:getInfo', [{}, {}]],
      ['secrets:setRoom', [null]],
    ]
    for (const [channel, args] of bad) {
      expect(() => checkInvocation(channel, appEvent, args, options), channel).toThrow(
        IpcRefusedError,
      )
    }
    expect(() =>
      checkInvocation('file:saveMarkdown', appEvent, [{ suggestedName: 'a.md' }], options),
    ).toThrow(/invalid request.*text/)
  })
})

describe('registerHandler', () => {
  it('refuses to register a channel outside the contract', () => {
    const ipc = fakeIpcMain()
    expect(() =>
      registerHandler(ipc, 'shell:runCommand' as Channel, () => null as never, options),
    ).toThrow(/unknown IPC channel "shell:runCommand"/)
  })

  it('reaches the handler only for good invocations', async () => {
    const ipc = fakeIpcMain()
    const handler = vi.fn(() => ({ version: '1.2.3', platform: 'linux' as const }))
    registerHandler(ipc, 'app:getInfo', handler, options)
    await expect(ipc.invoke('app:getInfo', appEvent, {})).resolves.toEqual({
      version: '1.2.3',
      platform: 'linux',
    })
    await expect(
      ipc.invoke('app:getInfo', { senderFrame: top('https://evil.example/') }, {}),
    ).rejects.toThrow(/foreign origin/)
    await expect(ipc.invoke('app:getInfo', appEvent, { x: 1 })).rejects.toThrow(/invalid request/)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('passes the parsed request, not the raw one', async () => {
    const ipc = fakeIpcMain()
    const handler = vi.fn(() => null)
    registerHandler(ipc, 'secrets:clearRoom', handler, options)
    await ipc.invoke('secrets:clearRoom', appEvent, { sprintId: 'abc123' })
    expect(handler).toHaveBeenCalledWith({ sprintId: 'abc123' }, appEvent)
  })
})

describe('registerHandlers', () => {
  it('registers every channel of the contract, each behind the guard', async () => {
    const ipc = fakeIpcMain()
    const seen: string[] = []
    const handlers = Object.fromEntries(
      CHANNEL_NAMES.map((channel) => [channel, () => (seen.push(channel), null)]),
    ) as unknown as Handlers
    registerHandlers(ipc, handlers, options)
    await ipc.invoke('sync:stopLanSignaling', appEvent, {})
    expect(seen).toEqual(['sync:stopLanSignaling'])
    for (const channel of CHANNEL_NAMES) {
      await expect(ipc.invoke(channel, { senderFrame: null }, {})).rejects.toThrow(IpcRefusedError)
    }
  })
})
