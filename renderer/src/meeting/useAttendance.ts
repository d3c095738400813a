import { useEffect } from 'react'
import { recordAttendees, type Attendee } from '../../../shared/doc'
import { useSprint } from '../editor/sprint-context'
import { useMeetingPresence } from './meeting-presence'

/**
 * While a meeting runs, writes everyone present (from presence: this laptop and the others it
 * sees) into its attendance. Only new people are written, so this costs nothing once all are in;
 * every laptop does it, so someone seen by anyone is recorded.
 */
export function useAttendance(runId: string | undefined): void {
  const { doc } = useSprint()
  const presence = useMeetingPresence()
  useEffect(() => {
    if (!runId) return
    const attendees: Attendee[] = presence.peers.map((p) => ({
      key: p.device ?? `client:${p.clientId}`,
      name: p.user.name,
      handle: p.user.handle,
    }))
    if (!presence.peers.some((p) => p.isSelf) && presence.user) {
      attendees.push({
        key: presence.device,
        name: presence.user.name,
        handle: presence.user.handle,
      })
    }
    recordAttendees(doc, { attendees })
  }, [doc, runId, presence])
}
