import { z } from 'zod'

/** Longest display name shown; longer names in a remote state make it fail the schema. */
export const MAX_NAME_LENGTH = 64

/** A person as others see them: set once in settings. */
export const presenceUserSchema = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  /** `#rrggbb`, used for their cursor/outline and avatar. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** GitHub handle without `@` (may be empty). GitHub allows 39 characters. */
  handle: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$|^$/),
})

/** Who I am, as stored in settings and sent in awareness. */
export type PresenceUser = z.infer<typeof presenceUserSchema>

/**
 * The awareness state every Sprintpad peer publishes. Remote states that fail it are ignored
 * (never shown, never relayed); unknown extra fields are allowed so a newer version can add some.
 */
export const presenceStateSchema = z.object({
  user: presenceUserSchema,
  /** Id of the item this person is editing, or `null`. */
  editing: z.string().min(1).max(64).nullable(),
  /**
   * A random id of the person's device (browser profile or desktop app), the same across page
   * loads: a state with the same device as a newer one is a ghost of an earlier load and is not
   * shown. Optional: peers of earlier versions send none.
   */
  device: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  /**
   * The person's y-webrtc peer id in this room: when the WebRTC link to that peer closes, its
   * presence goes at once instead of after a timeout. Optional like `device`.
   */
  peer: z.string().min(1).max(64).optional(),
  /**
   * The y-webrtc peer ids this peer has a working WebRTC link to (open, a message arrived over it):
   * a peer that receives a document update from one of them does not relay it to this peer, which
   * has it from the sender (see renderer/src/sync/relay-links.ts). Optional like `device`.
   */
  links: z.array(z.string().min(1).max(64)).max(64).optional(),
  /**
   * The sender's clock (ms since the epoch) when it published this state, renewed with every
   * heartbeat: the others estimate how far its clock is from theirs (meeting timers are stamped
   * on one laptop's clock). Optional like `device`.
   */
  clock: z.number().finite().min(0).max(1e15).optional(),
  /**
   * Where the person is in the sprint: the team and item at the top of their view (or the item
   * they edit), so others can follow them. `null` or absent: not in the sprint view.
   */
  view: z
    .object({ team: z.string().max(64), item: z.string().max(64) })
    .nullable()
    .optional(),
  /** The person is presenting (projecting the sprint): others may follow them. */
  presenting: z.boolean().optional(),
})

/** Where someone is in the sprint, as others see it (see `view` in the presence state). */
export type PresenceView = NonNullable<z.infer<typeof presenceStateSchema>['view']>

export type PresenceState = z.infer<typeof presenceStateSchema>

/** Someone in the room, for the presence bar and team panel. */
export interface Peer extends PresenceState {
  clientId: number
  isSelf: boolean
}

const PALETTE = [
  '#e5484d',
  '#f76b15',
  '#ffc53d',
  '#46a758',
  '#12a594',
  '#0090ff',
  '#8e4ec6',
  '#d6409f',
]

/** A stable default colour for a name (so a first-time user still gets a distinct colour). */
export function defaultColor(seed: string): string {
  let h = 0
  for (const ch of seed) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0
  return PALETTE[h % PALETTE.length] ?? '#0090ff'
}
