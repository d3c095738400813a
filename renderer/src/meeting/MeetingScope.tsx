import { useMemo, type ReactNode } from 'react'
import { useExtensions } from '../app/extensions'
import type { OpenSprint } from '../store/open-sprint'
import { ALONE_STORE, MeetingPresenceContext } from './meeting-presence'

/** Gives the sprint view's meeting parts the presence of the open sprint (or this laptop alone). */
export function MeetingScope(props: { sprint: OpenSprint; children: ReactNode }) {
  const extensions = useExtensions()
  const store = useMemo(
    () => extensions.meetingPresence?.(props.sprint) ?? ALONE_STORE,
    [extensions, props.sprint],
  )
  return (
    <MeetingPresenceContext.Provider value={store}>
      {props.children}
    </MeetingPresenceContext.Provider>
  )
}
