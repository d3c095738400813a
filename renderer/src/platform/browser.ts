import type { OpenedMarkdownFile, OpenedSprintFile } from '../../../shared/ipc/types'
import { MARKDOWN_EXTENSIONS, SPRINT_EXTENSION, readBrowserFile, readDropped } from './files'
import { createRoomSecretStore } from './room-secrets'
import type { Platform } from './types'

/*
 * The plain-browser implementation of the platform: downloads for saving, file inputs for
 * opening, navigator.clipboard for copying, IndexedDB for sync rooms (room-secrets.ts).
 * Desktop-only features reject with a message.
 */

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`
}

/** Opens the browser's file picker; resolves with the chosen files (empty when cancelled). */
function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.addEventListener('change', () => resolve([...(input.files ?? [])]))
    input.addEventListener('cancel', () => resolve([]))
    input.click()
  })
}

function desktopOnly(feature: string): Error {
  return new Error(`${feature} needs the Sprintpad desktop app.`)
}

function legacyStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

const noop = (): void => undefined

/** The platform of a plain browser tab. */
export function createBrowserPlatform(): Platform {
  const rooms = createRoomSecretStore({
    legacyStorage: typeof window === 'undefined' ? null : legacyStorage(),
  })
  return {
    isDesktop: false,
    hasBackups: false,
    hasRecentDocuments: false,
    canServeLanSignaling: false,
    saveMarkdown: async ({ suggestedName, text }) => {
      const name = withExtension(suggestedName, '.md')
      download(name, new Blob([text], { type: 'text/markdown;charset=utf-8' }))
      return { name }
    },
    saveSprint: async ({ suggestedName, bytes }) => {
      const name = withExtension(suggestedName, SPRINT_EXTENSION)
      download(name, new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }))
      return { name }
    },
    openSprint: async () => {
      const [file] = await pickFiles(SPRINT_EXTENSION, false)
      if (!file) return null
      const opened = await readBrowserFile(file)
      if (!opened || !('bytes' in opened)) throw new Error(`${file.name} is not a .sprintpad file`)
      return opened satisfies OpenedSprintFile
    },
    importMarkdown: async () => {
      const files = await pickFiles([...MARKDOWN_EXTENSIONS, 'text/markdown'].join(','), true)
      const opened: OpenedMarkdownFile[] = []
      for (const file of files) {
        const read = await readBrowserFile(file)
        if (!read || !('text' in read)) throw new Error(`${file.name} is not a Markdown file`)
        opened.push(read)
      }
      return opened
    },
    openRecent: () => Promise.reject(desktopOnly('Recent documents')),
    listRecent: async () => [],
    readDroppedFiles: (files) => readDropped(files),
    copyText: async (text) => {
      if (!navigator.clipboard) throw new Error('This browser gives no clipboard access here.')
      await navigator.clipboard.writeText(text)
    },
    putSnapshot: async () => ({ written: false }),
    listBackups: async () => [],
    restoreBackup: () => Promise.reject(desktopOnly('Restoring a backup')),
    getRoom: ({ sprintId }) => rooms.get(sprintId),
    setRoom: ({ sprintId, room, secret }) => rooms.set(sprintId, { room, secret }),
    clearRoom: ({ sprintId }) => rooms.clear(sprintId),
    startLanSignaling: () => Promise.reject(desktopOnly('Serving signaling on the LAN')),
    stopLanSignaling: async () => null,
    getAppInfo: async () => ({ version: 'web', platform: 'other' }),
    onMenuCommand: () => noop,
    onOpenFile: () => noop,
    onOpenLink: () => noop,
  }
}
