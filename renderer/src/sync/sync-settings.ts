import { z } from 'zod'
// From the modules themselves, not the `shared/sync` index: the sprints list loads these settings
// and must not pull in the update guard (and Yjs) with them.
import { defaultColor, presenceUserSchema, type PresenceUser } from '../../../shared/sync/presence'
import { parseSignalingUrls } from '../../../shared/sync/link'
import { parseServerUrl } from '../../../shared/sync/server-auth'
import type { ExternalStore } from '../store/useY'

/**
 * Settings of peer-to-peer sync: who I am (name, colour, GitHub handle), extra signaling servers
 * (a team's always-on one) and ICE servers (STUN/TURN). Default ICE servers are none: only LAN
 * host candidates, so no public server the user did not choose is ever contacted. Nothing here is
 * secret (room secrets live with main / IndexedDB), so it is kept in localStorage.
 */
export interface SyncSettings {
  user: PresenceUser
  extraSignaling: string[]
  iceServers: RTCIceServer[]
  /**
   * An always-on Sprintpad server's base address (`wss://…`, see `parseServerUrl`), or `''`: a
   * sprint shared from here is kept there too and its join links name it.
   */
  server: string
}

const KEY = 'sprintpad.sync.settings'

const iceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
})

const settingsSchema = z.object({
  user: presenceUserSchema,
  extraSignaling: z.array(z.string()).max(8),
  iceServers: z.array(iceServerSchema).max(8),
  // Settings saved before servers existed have none.
  server: z.string().max(300).default(''),
})

/** Settings for someone who has not set any: a neutral name and a colour of their own. */
export function defaultSettings(seed = String(Math.random())): SyncSettings {
  return {
    user: { name: 'Guest', color: defaultColor(seed), handle: '' },
    extraSignaling: [],
    iceServers: [],
    server: '',
  }
}

/** Reads the settings; anything unreadable falls back to the defaults (never throws). */
export function loadSettings(storage: Storage = localStorage): SyncSettings {
  try {
    const raw = storage.getItem(KEY)
    const parsed = settingsSchema.safeParse(raw ? JSON.parse(raw) : undefined)
    if (parsed.success) return parsed.data
  } catch {
    // Unreadable settings: start from the defaults.
  }
  return defaultSettings()
}

/** The outcome of {@link validateSettings}: the clean settings or a message per field. */
export type SettingsCheck =
  | { ok: true; value: SyncSettings }
  | {
      ok: false
      errors: Partial<Record<'name' | 'color' | 'handle' | 'signaling' | 'ice' | 'server', string>>
    }

/** Checks settings typed by the user (ICE lines: `stun:host:port` or `turn:host:port user pass`). */
export function validateSettings(input: {
  name: string
  color: string
  handle: string
  signaling: string
  ice: string
  server: string
}): SettingsCheck {
  const errors: Partial<
    Record<'name' | 'color' | 'handle' | 'signaling' | 'ice' | 'server', string>
  > = {}
  const user = {
    name: input.name.trim(),
    color: input.color,
    handle: input.handle.replace(/^@/, ''),
  }
  const u = presenceUserSchema.safeParse(user)
  if (!u.success) {
    for (const issue of u.error.issues) {
      const field = issue.path[0]
      if (field === 'name') errors.name = 'A name of 1 to 64 characters.'
      if (field === 'color') errors.color = 'A colour like #0090ff.'
      if (field === 'handle') errors.handle = 'A GitHub handle: letters, digits and dashes.'
    }
  }
  const signaling = parseSignalingUrls(lines(input.signaling))
  if (!signaling.ok) errors.signaling = signaling.error
  const iceServers: RTCIceServer[] = []
  for (const line of lines(input.ice)) {
    const [url = '', username, credential] = line.split(/\s+/)
    if (!/^(stun|stuns|turn|turns):[^\s]+$/.test(url)) {
      errors.ice = `“${line.slice(0, 40)}” is not a stun: or turn: address.`
      continue
    }
    iceServers.push(
      username ? { urls: url, username, credential: credential ?? '' } : { urls: url },
    )
  }
  const server =
    input.server.trim() === '' ? { ok: true as const, value: '' } : parseServerUrl(input.server)
  if (!server.ok) errors.server = server.error
  if (Object.keys(errors).length > 0 || !u.success || !signaling.ok || !server.ok) {
    return { ok: false, errors }
  }
  return {
    ok: true,
    value: { user: u.data, extraSignaling: signaling.value, iceServers, server: server.value },
  }
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** The settings as a store: read once, written through on {@link SettingsStore.save}. */
export class SettingsStore {
  private value: SyncSettings
  private readonly listeners = new Set<() => void>()

  constructor(private readonly storage: Storage = localStorage) {
    this.value = loadSettings(storage)
  }

  save(next: SyncSettings): void {
    this.value = next
    this.storage.setItem(KEY, JSON.stringify(next))
    for (const l of [...this.listeners]) l()
  }

  readonly store: ExternalStore<SyncSettings> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.value,
  }
}
