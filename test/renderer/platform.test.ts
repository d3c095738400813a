import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createPlatform, isDesktop, platform } from '../../renderer/src/platform'
import { startBackupSnapshots } from '../../renderer/src/platform/backup-snapshots'
import { createSprint, setSprintMeta } from '../../shared/doc'
import { decodeSprintFile } from '../../shared/file'
import type { SprintpadBridge } from '../../shared/ipc/bridge'

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
    addRecent: unused,
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

  it('reads dropped files by type, records them as recent, and names the rest', async () => {
    const addRecent = vi.fn(async () => [])
    const desktop = createPlatform(fakeBridge({ addRecent }))
    const dropped = await desktop.readDroppedFiles([
      new File([new Uint8Array([1, 2, 3])], 'July.sprintpad'),
      new File(['# Sprint — ✓'], 'issue.MD'),
      new File(['x'], 'photo.png'),
    ])
    expect(dropped).toEqual({
      files: [
        { name: 'July.sprintpad', bytes: new Uint8Array([1, 2, 3]) },
        { name: 'issue.MD', text: '# Sprint — ✓' },
      ],
      skipped: ['photo.png'],
    })
    expect(addRecent).toHaveBeenCalledTimes(2)
  })

  it('does not fail a drop when recording it as recent fails', async () => {
    const desktop = createPlatform(
      fakeBridge({ addRecent: () => Promise.reject(new Error('disk full')) }),
    )
    const dropped = await desktop.readDroppedFiles([new File(['# A'], 'a.md')])
    expect(dropped.files).toEqual([{ name: 'a.md', text: '# A' }])
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
