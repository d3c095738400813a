import { basename, extname, isAbsolute, join } from 'node:path'
import type { AppInfo, OpenedMarkdownFile } from '../shared/ipc/types'
import { writeFileAtomic } from './atomic-file'
import type { BackupStore } from './backup-store'
import type { Handlers, InvokeEvent } from './ipc-guard'
import type { LanSignaling } from './lan-signaling'
import { MARKDOWN_EXTENSIONS, SPRINT_EXTENSION, readOpenedFile, withExtension } from './opened-file'
import type { RecentList } from './recent-list'
import type { SecretStore } from './secret-store'

/** A file-type filter of a dialog. */
export interface DialogFilter {
  name: string
  extensions: string[]
}

/** The native dialogs, as the handlers use them (main.ts binds them to the focused window). */
export interface Dialogs {
  /** Returns the chosen path, or `null` when cancelled. */
  save(options: {
    title: string
    defaultPath: string
    filters: DialogFilter[]
  }): Promise<string | null>
  /** Returns the chosen paths (empty when cancelled). */
  open(options: { title: string; filters: DialogFilter[]; multiple: boolean }): Promise<string[]>
}

/** Everything the handlers need from the outside world. */
export interface HandlerDeps {
  dialogs: Dialogs
  recent: RecentList
  backups: BackupStore
  secrets: SecretStore
  signaling: LanSignaling
  writeClipboard: (text: string) => void
  appInfo: AppInfo
  /** The folder save dialogs start in. */
  documentsDir: string
}

const SPRINT_FILTER: DialogFilter = {
  name: 'Sprintpad sprint',
  extensions: [SPRINT_EXTENSION.slice(1)],
}
const MARKDOWN_FILTER: DialogFilter = {
  name: 'Markdown',
  extensions: MARKDOWN_EXTENSIONS.map((ext) => ext.slice(1)),
}

/**
 * One handler per channel of the contract. They receive requests already validated by the IPC
 * guard; errors they throw reach the renderer as rejected promises with the message.
 */
export function createHandlers<E extends InvokeEvent>(deps: HandlerDeps): Handlers<E> {
  return {
    'file:saveMarkdown': async ({ suggestedName, text }) => {
      const chosen = await deps.dialogs.save({
        title: 'Export Markdown',
        defaultPath: join(deps.documentsDir, withExtension(suggestedName, '.md')),
        filters: [MARKDOWN_FILTER],
      })
      if (chosen === null) return null
      const path = extname(chosen) === '' ? `${chosen}.md` : chosen
      await writeFileAtomic(path, text)
      return { name: basename(path) }
    },
    'file:saveSprint': async ({ suggestedName, bytes }) => {
      const chosen = await deps.dialogs.save({
        title: 'Save Copy As',
        defaultPath: join(deps.documentsDir, withExtension(suggestedName, SPRINT_EXTENSION)),
        filters: [SPRINT_FILTER],
      })
      if (chosen === null) return null
      const path = withExtension(chosen, SPRINT_EXTENSION)
      await writeFileAtomic(path, bytes)
      await deps.recent.add(path)
      return { name: basename(path) }
    },
    'file:openSprint': async () => {
      const [path] = await deps.dialogs.open({
        title: 'Open',
        filters: [SPRINT_FILTER],
        multiple: false,
      })
      if (path === undefined) return null
      if (extname(path).toLowerCase() !== SPRINT_EXTENSION) {
        throw new Error(`${basename(path)} is not a .sprintpad file`)
      }
      const file = await readOpenedFile(path)
      if (!('bytes' in file)) throw new Error(`${basename(path)} is not a .sprintpad file`)
      await deps.recent.add(path)
      return file
    },
    'file:importMarkdown': async () => {
      const paths = await deps.dialogs.open({
        title: 'Import Markdown',
        filters: [MARKDOWN_FILTER],
        multiple: true,
      })
      const files: OpenedMarkdownFile[] = []
      for (const path of paths) {
        const file = await readOpenedFile(path)
        if (!('text' in file)) throw new Error(`${basename(path)} is not a Markdown file`)
        files.push(file)
      }
      return files
    },
    'file:openRecent': ({ path }) => deps.recent.open(path),
    // The preload sends only paths of real dropped Files; main still reads nothing but
    // .sprintpad and Markdown files under the size limit (readOpenedFile checks both).
    'file:openDropped': async ({ path }) => {
      if (!isAbsolute(path)) throw new Error(`${basename(path)} is not an absolute path`)
      const file = await readOpenedFile(path)
      await deps.recent.add(path)
      return file
    },
    'recent:listDocuments': () => deps.recent.list(),
    'backup:putSnapshot': (snapshot) => deps.backups.put(snapshot),
    'backup:listBackups': ({ sprintId }) => deps.backups.list(sprintId),
    'backup:restoreBackup': ({ backupId }) => deps.backups.restore(backupId),
    'secrets:getRoom': ({ sprintId }) => deps.secrets.get(sprintId),
    'secrets:setRoom': async ({ sprintId, room, secret }) => {
      await deps.secrets.set(sprintId, { room, secret })
      return null
    },
    'secrets:clearRoom': async ({ sprintId }) => {
      await deps.secrets.clear(sprintId)
      return null
    },
    'sync:startLanSignaling': () => deps.signaling.start(),
    'sync:stopLanSignaling': () => deps.signaling.stop(),
    'clipboard:writeText': ({ text }) => {
      deps.writeClipboard(text)
      return null
    },
    'app:getInfo': () => deps.appInfo,
  }
}
