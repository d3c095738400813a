import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { IDBFactory } from 'fake-indexeddb'
import { createPlatform, isDesktop, platform } from '../../renderer/src/platform'
import {
  LEGACY_ROOM_KEY_PREFIX,
  ROOM_SECRETS_DB,
  createRoomSecretStore,
} from '../../renderer/src/platform/room-secrets'
import { startBackupSnapshots } from '../../renderer/src/platform/backup-snapshots'
import { createSprint, setSprintMeta } from '../../shared/doc'
import { decodeSprintFile } from '../../shared/file'
import type { SprintpadBridge } from '../../shared/ipc/bridge'
import { memoryStorage } from './sync/memory-storage'

/** A bridge whose functions record their calls; each test overrides what it needs. */
function fakeBridge(overrides: Partial<SprintpadBridge> = {}): SprintpadBridge {
  const unused = () => Promise.reject(new Error('not used in this test'))
  return {
    saveMarkdown: unused,
    saveSprint: unused,
    openSprint: unused,
    importMarkdown: unused,
    openRecent: unused,
    listRecent: unused,
    openDropped: unused,
    putSnapshot: unused,
    listBackups: unused,
    restoreBackup: unused,
    getRoom: unused,
    setRoom: unused,
    clearRoom: unused,
    startLanSignaling: unused,
    stopLanSignaling: unused,
    writeClipboard: unused,
    getAppInfo: unused,
    onMenuCommand: () => () => undefined,
    onOpenFile: () => () => undefined,
    onOpenLink: () => () => undefined,
    ...overrides,
  }
}

describe('platform', () => {
  it('is the browser fallback without window.sprintpad', async () => {
    expect(isDesktop).toBe(false)
    expect(platform.hasBackups).toBe(false)
    expect(await platform.listBackups({ sprintId: 's' })).toEqual([])
    await expect(platform.restoreBackup({ backupId: 's/1-0123456789abcdef' })).rejects.toThrow(
      /needs the Sprintpad desktop app/,
    )
    await expect(platform.startLanSignaling()).rejects.toThrow(/desktop app/)
    expect(await platform.getAppInfo()).toEqual({ version: 'web', platform: 'other' })
  })

  it('uses the bridge on the desktop', async () => {
    const saveMarkdown = vi.fn(async () => ({ name: 'Sprint.md' }))
    const writeClipboard = vi.fn(async () => null)
    const desktop = createPlatform(fakeBridge({ saveMarkdown, writeClipboard }))
    expect(desktop.isDesktop).toBe(true)
    expect(await desktop.saveMarkdown({ suggestedName: 'Sprint', text: '# x' })).toEqual({
      name: 'Sprint.md',
    })
    await desktop.copyText('## Team')
    expect(writeClipboard).toHaveBeenCalledWith({ text: '## Team' })
  })

  it("rejects with main's message, without Electron's IPC prefix", async () => {
    const desktop = createPlatform(
      fakeBridge({
        restoreBackup: () =>
          Promise.reject(
            new Error(
              "Error invoking remote method 'backup:restoreBackup': CorruptBackupError: backup s1/1-0123456789abcdef is corrupt (checksum mismatch); it was not restored",
            ),
          ),
      }),
    )
    await expect(desktop.restoreBackup({ backupId: 's1/1-0123456789abcdef' })).rejects.toThrow(
      /^backup s1\/1-0123456789abcdef is corrupt \(checksum mismatch\); it was not restored$/,
    )
  })

  it('has main read dropped files by type (recording them), and names the rest', async () => {
    const openDropped = vi.fn(async (file: { name: string }) =>
      file.name.endsWith('.sprintpad')
        ? { name: file.name, bytes: new Uint8Array([9]) }
        : { name: file.name, text: '# from disk' },
    )
    const desktop = createPlatform(fakeBridge({ openDropped }))
    const july = new File([new Uint8Array([1, 2, 3])], 'July.sprintpad')
    const dropped = await desktop.readDroppedFiles([
      july,
      new File(['# Sprint — ✓'], 'issue.MD'),
      new File(['x'], 'photo.png'),
    ])
    expect(dropped).toEqual({
      files: [
        { name: 'July.sprintpad', bytes: new Uint8Array([9]) },
        { name: 'issue.MD', text: '# from disk' },
      ],
      skipped: ['photo.png'],
    })
    // the File object itself goes to the bridge, never a path the page could choose
    expect(openDropped.mock.calls.map(([file]) => file)).toEqual([july, expect.any(File)])
  })

  it('reads a File without a path in the page, and skips files main refuses', async () => {
    const desktop = createPlatform(
      fakeBridge({
        openDropped: async (file) =>
          file.name === 'huge.md'
            ? Promise.reject(
                new Error("Error invoking remote method 'file:openDropped': huge.md is too large"),
              )
            : null,
      }),
    )
    const dropped = await desktop.readDroppedFiles([
      new File(['# A'], 'a.md'),
      new File(['x'], 'huge.md'),
    ])
    expect(dropped).toEqual({ files: [{ name: 'a.md', text: '# A' }], skipped: ['huge.md'] })
  })
})

describe('startBackupSnapshots', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  function sprintDoc(): Y.Doc {
    const doc = new Y.Doc()
    createSprint(doc, {
      id: 's1',
      title: 'Sprint - July 1',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    return doc
  }

  it('sends a decodable snapshot when the sprint changed, and one more on stop', async () => {
    vi.useFakeTimers()
    const doc = sprintDoc()
    const sent: { sprintId: string; title: string; bytes: Uint8Array }[] = []
    const stop = startBackupSnapshots(doc, {
      sprintId: 's1',
      intervalMs: 1000,
      platform: { hasBackups: true, putSnapshot: async (s) => (sent.push(s), { written: true }) },
    })
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent.map((s) => s.title)).toEqual(['Sprint - July 1'])
    expect(() => decodeSprintFile(sent[0]?.bytes ?? new Uint8Array())).not.toThrow()

    await vi.advanceTimersByTimeAsync(3000)
    expect(sent).toHaveLength(1)

    setSprintMeta(doc, { title: 'Sprint - July 1 (edited)' })
    stop()
    await vi.runAllTimersAsync()
    expect(sent.map((s) => s.title)).toEqual(['Sprint - July 1', 'Sprint - July 1 (edited)'])
  })

  it('retries a snapshot that main refused, and reports the error', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    let attempts = 0
    const stop = startBackupSnapshots(sprintDoc(), {
      sprintId: 's1',
      intervalMs: 1000,
      onError: (error) => errors.push(error),
      platform: {
        hasBackups: true,
        putSnapshot: async () => {
          attempts++
          if (attempts === 1) throw new Error('disk full')
          return { written: true }
        },
      },
    })
    await vi.advanceTimersByTimeAsync(1000)
    await vi.advanceTimersByTimeAsync(1000)
    expect(attempts).toBe(2)
    expect(errors).toEqual([new Error('disk full')])
    stop()
  })

  it('does nothing where there are no backups', () => {
    const putSnapshot = vi.fn()
    const stop = startBackupSnapshots(sprintDoc(), {
      sprintId: 's1',
      platform: { hasBackups: false, putSnapshot },
    })
    stop()
    expect(putSnapshot).not.toHaveBeenCalled()
  })
})

/** Reads what the browser really stored in the room-secrets database (bypassing the wrapper). */
async function rawRooms(factory: IDBFactory): Promise<Record<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(ROOM_SECRETS_DB)
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const rows: Record<string, unknown> = {}
  if (!db.objectStoreNames.contains('rooms')) return rows
  const store = db.transaction('rooms').objectStore('rooms')
  const [keys, values] = await Promise.all(
    [store.getAllKeys(), store.getAll()].map(
      (req) => new Promise<unknown[]>((resolve) => (req.onsuccess = () => resolve(req.result))),
    ),
  )
  keys?.forEach((key, i) => (rows[String(key)] = values?.[i]))
  db.close()
  return rows
}

describe('room secrets in a browser tab', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('keeps rooms in the sprintpad-secrets IndexedDB database, never in localStorage', async () => {
    const factory = new IDBFactory()
    vi.stubGlobal('indexedDB', factory)
    const browser = createPlatform(undefined)
    await browser.setRoom({ sprintId: 's1', room: 'sprint-room', secret: 'hunter2-long' })
    expect(await rawRooms(factory)).toEqual({
      s1: { room: 'sprint-room', secret: 'hunter2-long' },
    })
    // a new tab (a new platform over the same browser storage) finds it
    expect(await createPlatform(undefined).getRoom({ sprintId: 's1' })).toEqual({
      room: 'sprint-room',
      secret: 'hunter2-long',
    })
    await browser.clearRoom({ sprintId: 's1' })
    expect(await browser.getRoom({ sprintId: 's1' })).toBeNull()
    expect(await rawRooms(factory)).toEqual({})
  })

  it('moves a room an earlier version left in localStorage, then removes it there', async () => {
    const factory = new IDBFactory()
    const legacy = memoryStorage()
    legacy.setItem(`${LEGACY_ROOM_KEY_PREFIX}s1`, JSON.stringify({ room: 'r', secret: 'k' }))
    legacy.setItem(`${LEGACY_ROOM_KEY_PREFIX}s2`, '{ damaged')
    const store = createRoomSecretStore({ indexedDB: factory, legacyStorage: legacy })
    expect(await store.get('s1')).toEqual({ room: 'r', secret: 'k' })
    expect(legacy.getItem(`${LEGACY_ROOM_KEY_PREFIX}s1`)).toBeNull()
    expect(await rawRooms(factory)).toEqual({ s1: { room: 'r', secret: 'k' } })
    expect(await store.get('s2')).toBeNull()
  })

  it('skips a stored value of the wrong shape', async () => {
    const factory = new IDBFactory()
    const store = createRoomSecretStore({ indexedDB: factory })
    await store.set('s1', { room: 'r', secret: 'k' })
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = factory.open(ROOM_SECRETS_DB)
      open.onsuccess = () => resolve(open.result)
    })
    await new Promise((resolve) => {
      const tx = db.transaction('rooms', 'readwrite')
      tx.objectStore('rooms').put({ room: 42 }, 's1')
      tx.oncomplete = resolve
    })
    db.close()
    expect(await store.get('s1')).toBeNull()
  })

  it('falls back to memory for the session only when IndexedDB is unavailable', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('no IndexedDB in this mode', 'InvalidStateError')
      },
    } as unknown as IDBFactory
    for (const store of [
      createRoomSecretStore({ indexedDB: undefined }),
      createRoomSecretStore({ indexedDB: refusing }),
    ]) {
      await store.set('s1', { room: 'r', secret: 'k' })
      expect(await store.get('s1')).toEqual({ room: 'r', secret: 'k' })
      await store.clear('s1')
      expect(await store.get('s1')).toBeNull()
    }
    const other = createRoomSecretStore({ indexedDB: undefined })
    expect(await other.get('s1')).toBeNull()
  })
})
