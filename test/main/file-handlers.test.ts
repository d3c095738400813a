import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BackupStore } from '../../main/backup-store'
import { createHandlers, type Dialogs } from '../../main/handlers'
import type { Handlers, InvokeEvent } from '../../main/ipc-guard'
import { LanSignaling } from '../../main/lan-signaling'
import { RecentList } from '../../main/recent-list'
import { SecretStore } from '../../main/secret-store'
import { MAX_FILE_BYTES } from '../../shared/ipc/schemas'
import { sprintBytes, validateSprintBytes } from './sprint-bytes'

let dir: string
let answers: { save: (string | null)[]; open: string[][] }
let clipboard: string[]
let handlers: Handlers
const event: InvokeEvent = { senderFrame: { url: 'app://sprintpad/', parent: null } }

/** Dialogs that answer from a script, like a user clicking through them. */
const dialogs: Dialogs = {
  save: async () => answers.save.shift() ?? null,
  open: async () => answers.open.shift() ?? [],
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintpad-files-'))
  answers = { save: [], open: [] }
  clipboard = []
  handlers = createHandlers({
    dialogs,
    recent: new RecentList({ file: join(dir, 'user/recent.json') }),
    backups: new BackupStore({ dir: join(dir, 'user/backups'), validate: validateSprintBytes }),
    secrets: new SecretStore({
      file: join(dir, 'user/secrets.json'),
      cipher: {
        isEncryptionAvailable: () => false,
        encryptString: () => Buffer.alloc(0),
        decryptString: () => '',
      },
    }),
    signaling: new LanSignaling({
      create: () => ({ start: async () => ({ port: 4444 }), stop: async () => undefined }),
      interfaces: () => ({}),
    }),
    writeClipboard: (text) => clipboard.push(text),
    appInfo: { version: '0.1.0', platform: 'linux' },
    documentsDir: join(dir, 'docs'),
  })
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('file handlers', () => {
  it('saves Markdown where the user chose, adding .md when the name has no extension', async () => {
    answers.save.push(join(dir, 'Sprint 12'))
    const saved = await handlers['file:saveMarkdown'](
      { suggestedName: 'x', text: '## Team\n' },
      event,
    )
    expect(saved).toEqual({ name: 'Sprint 12.md' })
    expect(await readFile(join(dir, 'Sprint 12.md'), 'utf8')).toBe('## Team\n')
  })

  it('answers null when a dialog is cancelled and writes nothing', async () => {
    expect(await handlers['file:saveMarkdown']({ suggestedName: 'x', text: 'y' }, event)).toBeNull()
    expect(
      await handlers['file:saveSprint']({ suggestedName: 'x', bytes: sprintBytes('a') }, event),
    ).toBeNull()
    expect(await handlers['file:openSprint']({}, event)).toBeNull()
    expect(await handlers['file:importMarkdown']({}, event)).toEqual([])
  })

  it('saves and reopens a .sprintpad file, which then appears in the recent documents', async () => {
    const path = join(dir, 'July.sprintpad')
    answers.save.push(join(dir, 'July'))
    const bytes = sprintBytes('July')
    expect(await handlers['file:saveSprint']({ suggestedName: 'July', bytes }, event)).toEqual({
      name: 'July.sprintpad',
    })
    answers.open.push([path])
    expect(await handlers['file:openSprint']({}, event)).toEqual({ name: 'July.sprintpad', bytes })
    const recent = await handlers['recent:listDocuments']({}, event)
    expect(recent.map((doc) => doc.path)).toEqual([path])
    expect(await handlers['file:openRecent']({ path }, event)).toEqual({
      name: 'July.sprintpad',
      bytes,
    })
  })

  it('refuses to open a file that is not a .sprintpad', async () => {
    await writeFile(join(dir, 'notes.txt'), 'hello')
    answers.open.push([join(dir, 'notes.txt')])
    await expect(handlers['file:openSprint']({}, event)).rejects.toThrow(
      /notes\.txt is not a \.sprintpad file/,
    )
  })

  it('imports several Markdown files as text', async () => {
    await writeFile(join(dir, 'a.md'), '# A — ✓\n')
    await writeFile(join(dir, 'b.markdown'), '# B\n')
    answers.open.push([join(dir, 'a.md'), join(dir, 'b.markdown')])
    expect(await handlers['file:importMarkdown']({}, event)).toEqual([
      { name: 'a.md', text: '# A — ✓\n' },
      { name: 'b.markdown', text: '# B\n' },
    ])
  })

  it('opens only recent documents; no channel lets the renderer add a path', async () => {
    const secret = join(dir, 'private.md')
    await writeFile(secret, 'not yours')
    await expect(handlers['file:openRecent']({ path: secret }, event)).rejects.toThrow(
      /not in the recent documents/,
    )
    expect(Object.keys(handlers)).not.toContain('recent:addDocument')
    expect(await handlers['recent:listDocuments']({}, event)).toEqual([])
  })

  it('reads a dropped file by its path, records it, and then reopens it as recent', async () => {
    const path = join(dir, 'dropped.md')
    await writeFile(path, '# Dropped — ✓\n')
    expect(await handlers['file:openDropped']({ path }, event)).toEqual({
      name: 'dropped.md',
      text: '# Dropped — ✓\n',
    })
    expect((await handlers['recent:listDocuments']({}, event)).map((doc) => doc.path)).toEqual([
      path,
    ])
    expect(await handlers['file:openRecent']({ path }, event)).toEqual({
      name: 'dropped.md',
      text: '# Dropped — ✓\n',
    })
  })

  it('refuses dropped paths that are relative, of other types or too large', async () => {
    const huge = join(dir, 'huge.sprintpad')
    await writeFile(huge, '')
    await truncate(huge, MAX_FILE_BYTES + 1)
    await writeFile(join(dir, 'notes.txt'), 'x')
    const open = (path: string) => handlers['file:openDropped']({ path }, event)
    await expect(open('relative.md')).rejects.toThrow(/not an absolute path/)
    await expect(open('/etc/passwd')).rejects.toThrow(/not a .sprintpad or Markdown file/)
    await expect(open(join(dir, 'notes.txt'))).rejects.toThrow(/not a .sprintpad or Markdown/)
    await expect(open(huge)).rejects.toThrow(/larger than 64 MiB/)
    await expect(open(join(dir, 'missing.md'))).rejects.toThrow(/does not exist/)
    expect(await handlers['recent:listDocuments']({}, event)).toEqual([])
  })

  it('keeps the recent list short, newest first, without duplicates', async () => {
    const recent = new RecentList({ file: join(dir, 'recent.json'), max: 3 })
    for (const name of ['a', 'b', 'c', 'a', 'd']) await recent.add(join(dir, `${name}.sprintpad`))
    expect((await recent.list()).map((doc) => doc.name)).toEqual([
      'd.sprintpad',
      'a.sprintpad',
      'c.sprintpad',
    ])
    await writeFile(join(dir, 'recent.json'), '{ damaged')
    expect(await recent.list()).toEqual([])
  })

  it('backs up through the backup channels', async () => {
    const bytes = sprintBytes('Backed up')
    expect(
      await handlers['backup:putSnapshot']({ sprintId: 's1', title: 'T', bytes }, event),
    ).toEqual({
      written: true,
    })
    const [info] = await handlers['backup:listBackups']({ sprintId: 's1' }, event)
    expect(await handlers['backup:restoreBackup']({ backupId: info?.id ?? '' }, event)).toEqual(
      bytes,
    )
  })

  it('writes the clipboard and answers app info', async () => {
    await handlers['clipboard:writeText']({ text: '## Team Analytics' }, event)
    expect(clipboard).toEqual(['## Team Analytics'])
    expect(await handlers['app:getInfo']({}, event)).toEqual({
      version: '0.1.0',
      platform: 'linux',
    })
  })

  it('starts LAN signaling once and reports loopback when there is no LAN', async () => {
    expect(await handlers['sync:startLanSignaling']({}, event)).toEqual({
      urls: ['ws://127.0.0.1:4444'],
    })
    expect(await handlers['sync:stopLanSignaling']({}, event)).toBeNull()
  })
})
