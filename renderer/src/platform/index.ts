import type { SprintpadBridge } from '../../../shared/ipc/bridge'
import './csp-compat'
import { createBrowserPlatform } from './browser'
import { createDesktopPlatform } from './desktop'
import type { Platform } from './types'

declare global {
  interface Window {
    /** Defined by the Electron preload; absent in a plain browser. */
    readonly sprintpad?: SprintpadBridge
  }
}

/** The platform for a given bridge: the desktop one when the preload defined it. */
export function createPlatform(bridge: SprintpadBridge | undefined): Platform {
  return bridge ? createDesktopPlatform(bridge) : createBrowserPlatform()
}

/** Native features for this renderer: `window.sprintpad` in Electron, browser fallbacks elsewhere. */
export const platform: Platform = createPlatform(
  typeof window === 'undefined' ? undefined : window.sprintpad,
)

/** Whether the renderer runs inside the Sprintpad desktop app. */
export const isDesktop: boolean = platform.isDesktop

export type { DroppedFiles, Platform } from './types'
export type {
  AppInfo,
  BackupInfo,
  MenuCommand,
  OpenedFile,
  OpenedMarkdownFile,
  OpenedSprintFile,
  RecentDocument,
  RoomSecret,
  SavedFile,
} from '../../../shared/ipc/types'
