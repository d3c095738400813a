import type { SprintpadBridge } from '../../../shared/ipc/bridge'
import { withCleanErrors } from './errors'
import { readBrowserFile, readDropped } from './files'
import type { Platform } from './types'

/**
 * The platform inside the Electron app: every call goes through `window.sprintpad`, and a failed
 * call rejects with main's message (without Electron's IPC prefix).
 */
export function createDesktopPlatform(bridge: SprintpadBridge): Platform {
  return {
    isDesktop: true,
    hasBackups: true,
    hasRecentDocuments: true,
    canServeLanSignaling: true,
    saveMarkdown: (request) => withCleanErrors(bridge.saveMarkdown(request)),
    saveSprint: (request) => withCleanErrors(bridge.saveSprint(request)),
    openSprint: () => withCleanErrors(bridge.openSprint()),
    importMarkdown: () => withCleanErrors(bridge.importMarkdown()),
    openRecent: (request) => withCleanErrors(bridge.openRecent(request)),
    listRecent: () => withCleanErrors(bridge.listRecent()),
    // Main reads a dropped file by the path the preload gets for it, and records it as recent.
    // A File with no path on disk (made in script, dragged from a web page) is read in the page.
    readDroppedFiles: (files) =>
      readDropped(files, async (file) => {
        const opened = await withCleanErrors(bridge.openDropped(file))
        return opened ?? readBrowserFile(file)
      }),
    copyText: async (text) => {
      await withCleanErrors(bridge.writeClipboard({ text }))
    },
    putSnapshot: (request) => withCleanErrors(bridge.putSnapshot(request)),
    listBackups: (request) => withCleanErrors(bridge.listBackups(request)),
    restoreBackup: (request) => withCleanErrors(bridge.restoreBackup(request)),
    getRoom: (request) => withCleanErrors(bridge.getRoom(request)),
    setRoom: async (request) => {
      await withCleanErrors(bridge.setRoom(request))
    },
    clearRoom: async (request) => {
      await withCleanErrors(bridge.clearRoom(request))
    },
    startLanSignaling: () => withCleanErrors(bridge.startLanSignaling()),
    stopLanSignaling: () => withCleanErrors(bridge.stopLanSignaling()),
    getAppInfo: () => withCleanErrors(bridge.getAppInfo()),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onOpenFile: (listener) => bridge.onOpenFile(listener),
    onOpenLink: (listener) => bridge.onOpenLink(listener),
  }
}
