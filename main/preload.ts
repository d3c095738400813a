import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  BRIDGE_CHANNELS,
  BRIDGE_EVENTS,
  BRIDGE_GLOBAL,
  type EventChannel,
  type SprintpadBridge,
} from '../shared/ipc/bridge'
import type { Channel, ChannelRequest, ChannelResponse } from '../shared/ipc/contract'
import type { EventPayloads } from '../shared/ipc/types'

/*
 * The preload: builds `window.sprintpad` out of the contract's tables and exposes nothing else.
 * Renderer code never sees `ipcRenderer` or an IPC event object, only named functions and plain
 * payloads. Bundled as CommonJS because sandboxed preloads cannot be ES modules.
 */

function invoke<C extends Channel>(
  channel: C,
  request: ChannelRequest<C>,
): Promise<ChannelResponse<C>> {
  // main validates the request and answers with the contract's response type for this channel
  return ipcRenderer.invoke(channel, request) as Promise<ChannelResponse<C>>
}

/** Events that arrive before anyone listens (a file the app was launched with) wait here. */
const MAX_PENDING = 32
const pending = new Map<EventChannel, unknown[]>()
const listeners = new Map<EventChannel, Set<(payload: never) => void>>()

for (const channel of Object.values(BRIDGE_EVENTS)) {
  ipcRenderer.on(channel, (_event, payload: unknown) => {
    const set = listeners.get(channel)
    if (set && set.size > 0) {
      for (const listener of set) listener(payload as never)
      return
    }
    const queue = pending.get(channel) ?? []
    if (queue.length < MAX_PENDING) queue.push(payload)
    pending.set(channel, queue)
  })
}

function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: EventPayloads[C]) => void,
): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function')
  const set = listeners.get(channel) ?? new Set()
  set.add(listener)
  listeners.set(channel, set)
  const queued = pending.get(channel) ?? []
  pending.delete(channel)
  for (const payload of queued) listener(payload as EventPayloads[C])
  return () => {
    set.delete(listener)
  }
}

function pathOf(file: unknown): string {
  // Only a real File the user dropped or picked has a path; one built in script has ''.
  return file instanceof File ? webUtils.getPathForFile(file) : ''
}

const bridge = {
  saveMarkdown: (request) => invoke(BRIDGE_CHANNELS.saveMarkdown, request),
  saveSprint: (request) => invoke(BRIDGE_CHANNELS.saveSprint, request),
  openSprint: () => invoke(BRIDGE_CHANNELS.openSprint, {}),
  importMarkdown: () => invoke(BRIDGE_CHANNELS.importMarkdown, {}),
  openRecent: (request) => invoke(BRIDGE_CHANNELS.openRecent, request),
  listRecent: () => invoke(BRIDGE_CHANNELS.listRecent, {}),
  openDropped: (file) => {
    const path = pathOf(file)
    return path === '' ? Promise.resolve(null) : invoke(BRIDGE_CHANNELS.openDropped, { path })
  },
  putSnapshot: (request) => invoke(BRIDGE_CHANNELS.putSnapshot, request),
  listBackups: (request) => invoke(BRIDGE_CHANNELS.listBackups, request),
  restoreBackup: (request) => invoke(BRIDGE_CHANNELS.restoreBackup, request),
  getRoom: (request) => invoke(BRIDGE_CHANNELS.getRoom, request),
  setRoom: (request) => invoke(BRIDGE_CHANNELS.setRoom, request),
  clearRoom: (request) => invoke(BRIDGE_CHANNELS.clearRoom, request),
  startLanSignaling: () => invoke(BRIDGE_CHANNELS.startLanSignaling, {}),
  stopLanSignaling: () => invoke(BRIDGE_CHANNELS.stopLanSignaling, {}),
  writeClipboard: (request) => invoke(BRIDGE_CHANNELS.writeClipboard, request),
  getAppInfo: () => invoke(BRIDGE_CHANNELS.getAppInfo, {}),
  onMenuCommand: (listener) => subscribe(BRIDGE_EVENTS.onMenuCommand, listener),
  onOpenFile: (listener) => subscribe(BRIDGE_EVENTS.onOpenFile, listener),
  onOpenLink: (listener) => subscribe(BRIDGE_EVENTS.onOpenLink, listener),
} satisfies SprintpadBridge

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
