import * as Y from 'yjs'
import { readMeta } from '../../../shared/doc'
import type { JoinInfo, PresenceUser } from '../../../shared/sync'
import { SyncSession } from './sync-session'

/** A shared sprint fetched from its peers: its id and its full state, ready to persist. */
export interface FetchedSprint {
  sprintId: string
  update: Uint8Array
}

/**
 * Joins a room with a scratch doc until the sprint arrives (its `meta.id` is known) from a peer or
 * from the always-on server the link names (so nobody else needs to be online), then leaves
 * and returns the sprint's id and state. The caller stores it like any other sprint (opens the
 * sprint of that id, applies `update`, records the room with `setRoom`) and then attaches a
 * {@link SyncSession} to the open sprint. Rejects after `timeoutMs` or on `signal` abort, with a
 * message fit for the join dialog.
 */
export async function fetchSharedSprint(
  info: JoinInfo,
  opts: {
    user: PresenceUser
    iceServers: readonly RTCIceServer[]
    timeoutMs?: number
    signal?: AbortSignal
  },
): Promise<FetchedSprint> {
  if (info.signaling.length === 0 && info.server === undefined) {
    throw new Error('No signaling server to find the others: add one in sync settings.')
  }
  const doc = new Y.Doc()
  const session = new SyncSession(doc, {
    room: info.room,
    secret: info.secret,
    signaling: info.signaling,
    iceServers: opts.iceServers,
    user: opts.user,
    ...(info.server ? { server: info.server } : {}),
  })
  try {
    return await new Promise<FetchedSprint>((resolve, reject) => {
      const finish = (settle: () => void): void => {
        clearTimeout(timer)
        doc.off('update', check)
        opts.signal?.removeEventListener('abort', onAbort)
        settle()
      }
      const check = (): void => {
        const id = readMeta(doc).id
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return
        finish(() => resolve({ sprintId: id, update: Y.encodeStateAsUpdate(doc) }))
      }
      const onAbort = (): void => finish(() => reject(new Error('Joining was cancelled.')))
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new Error(
                info.server
                  ? 'Neither the server nor anyone sharing this sprint had it. Check the link, or ask its sharer to open the sprint once.'
                  : 'Nobody sharing this sprint answered. Is the host on the same network?',
              ),
            ),
          ),
        opts.timeoutMs ?? 30_000,
      )
      doc.on('update', check)
      opts.signal?.addEventListener('abort', onAbort)
    })
  } finally {
    // The sprint's own session connects again at once: the others' announcements of this one
    // closing cannot cross its offers (only the smaller peer id makes offers, see
    // patches/y-webrtc+10.3.0.patch).
    await session.destroy()
    doc.destroy()
  }
}
