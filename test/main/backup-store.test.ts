import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupStore, CorruptBackupError } from '../../main/backup-store'
import { sprintBytes, validateSprintBytes } from './sprint-bytes'

let dir: string
let clock: number
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-backups-'))
  clock = 1_750_000_000_000
})
afterEach(() => rm(dir, { recursive: true, force: true }))

function store(keep = 3): BackupStore {
  return new BackupStore({
    dir,
    keep,
    minIntervalMs: 1000,
    now: () => clock,
    validate: validateSprintBytes,
  })
}

async function putAt(
  backups: BackupStore,
  at: number,
  title: string,
  sprintId = 'sprint1',
): Promise<boolean> {
  clock = at
  return (await backups.put({ sprintId, title, bytes: sprintBytes(title) })).written
}

describe('BackupStore', () => {
  it('stores snapshots and lists them newest first with dates, sizes and titles', async () => {
    const backups = store()
    expect(await putAt(backups, clock, 'Sprint A')).toBe(true)
    expect(await putAt(backups, clock + 5000, 'Sprint A, edited')).toBe(true)
    const list = await backups.list('sprint1')
    expect(list.map((b) => [b.title, b.ok])).toEqual([
      ['Sprint A, edited', true],
      ['Sprint A', true],
    ])
    expect(list[0]?.createdAt).toBe(1_750_000_005_000)
    expect(list[0]?.size).toBe(sprintBytes('Sprint A, edited').byteLength)
    expect(list[0]?.id).toMatch(/^sprint1\/1750000005000-[0-9a-f]{16}$/)
    expect(await backups.list('other')).toEqual([])
  })

  it('restores the exact bytes', async () => {
    const backups = store()
    await putAt(backups, clock, 'Sprint A')
    const [info] = await backups.list('sprint1')
    expect(await backups.restore(info?.id ?? '')).toEqual(sprintBytes('Sprint A'))
  })

  it('skips a snapshot equal to the newest one, or one that comes too soon', async () => {
    const backups = store()
    const start = clock
    expect(await putAt(backups, start, 'Same')).toBe(true)
    expect(await putAt(backups, start + 60_000, 'Same')).toBe(false)
    expect(await putAt(backups, start + 500, 'Changed too soon')).toBe(false)
    expect(await putAt(backups, start + 2000, 'Changed later')).toBe(true)
    expect((await backups.list('sprint1')).length).toBe(2)
  })

  it('keeps only the newest N per sprint, and sprints apart', async () => {
    const backups = store(3)
    for (let i = 0; i < 6; i++) await putAt(backups, 1_000_000 + i * 10_000, `v${i}`)
    await putAt(backups, 2_000_000, 'other sprint', 'sprint2')
    expect((await backups.list('sprint1')).map((b) => b.title)).toEqual(['v5', 'v4', 'v3'])
    expect((await readdir(join(dir, 'sprint1'))).length).toBe(6)
    expect((await backups.list('sprint2')).map((b) => b.title)).toEqual(['other sprint'])
  })

  it('refuses a snapshot that is not a valid .sprintpad file', async () => {
    const backups = store()
    await expect(
      backups.put({ sprintId: 'sprint1', title: 'x', bytes: new TextEncoder().encode('garbage') }),
    ).rejects.toThrow(/not a valid \.sprintpad file/)
    expect(await backups.list('sprint1')).toEqual([])
  })

  it('reports a backup that fails its checksum and never restores it', async () => {
    const backups = store()
    await putAt(backups, clock, 'Good')
    await putAt(backups, clock + 5000, 'Will rot')
    const [rotten, good] = await backups.list('sprint1')
    const file = join(dir, (rotten?.id ?? '') + '.sprintpad')
    const bytes = await readFile(file)
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 0xff, bytes.length - 2)
    await writeFile(file, bytes)

    const list = await backups.list('sprint1')
    expect(list.map((b) => b.ok)).toEqual([false, true])
    await expect(backups.restore(rotten?.id ?? '')).rejects.toThrow(CorruptBackupError)
    await expect(backups.restore(rotten?.id ?? '')).rejects.toThrow(
      /checksum mismatch.*not restored/,
    )
    expect(await backups.restore(good?.id ?? '')).toEqual(sprintBytes('Good'))
  })

  it('reports a backup whose bytes match the checksum but do not decode', async () => {
    const backups = store()
    await putAt(backups, clock, 'Good')
    const [info] = await backups.list('sprint1')
    // A bug in an old version could have stored undecodable bytes with a matching checksum.
    const strict = new BackupStore({
      dir,
      validate: () => {
        throw new Error('unsupported version 9')
      },
    })
    expect((await strict.list('sprint1'))[0]?.ok).toBe(false)
    await expect(strict.restore(info?.id ?? '')).rejects.toThrow(
      /unsupported version 9.*not restored/,
    )
  })

  it('survives a lost sidecar (checksum prefix in the name still checks the bytes)', async () => {
    const backups = store()
    await putAt(backups, clock, 'Sidecar gone')
    const [info] = await backups.list('sprint1')
    await rm(join(dir, `${info?.id ?? ''}.json`))
    expect((await backups.list('sprint1'))[0]).toMatchObject({ ok: true, title: '' })
    expect(await backups.restore(info?.id ?? '')).toEqual(sprintBytes('Sidecar gone'))
  })

  it('refuses ids that do not name a backup', async () => {
    const backups = store()
    await expect(backups.restore('sprint1/123-0123456789abcdef')).rejects.toThrow(/does not exist/)
    await expect(backups.restore('../../etc/passwd')).rejects.toThrow()
    await expect(backups.list('../x')).rejects.toThrow()
  })
})
