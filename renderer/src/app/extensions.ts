import { createContext, useContext, type ReactNode } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import type { ExternalStore } from '../store/useY'
import type { MeetingPresence } from '../meeting/meeting-presence'

/**
 * What other parts of the renderer (sync: share / join / presence) plug into the sprint view,
 * without the editor knowing them: `onSprintOpen` runs once per open sprint (attach a provider
 * with `sprint.attach(...)`, destroyed when the sprint closes) and `headerExtras` renders in the
 * sprint header's extras slot; `homeActions` joins the sprints list's toolbar and `appExtras`
 * renders app-wide.
 */
export interface SprintExtensions {
  onSprintOpen?: (sprint: OpenSprint) => void
  headerExtras?: (sprint: OpenSprint) => ReactNode
  /** Buttons in the sprints list's toolbar (e.g. "Join a sprint"). */
  homeActions?: ReactNode
  /** Rendered once, whatever the screen (app-wide dialogs, e.g. joining from a link). */
  appExtras?: ReactNode
  /** Next to an item (e.g. who else is editing it). */
  itemExtras?: (sprint: OpenSprint, itemId: string) => ReactNode
  /** Under a team's header (e.g. who is working in this team right now). */
  teamExtras?: (sprint: OpenSprint, teamId: string) => ReactNode
  /** Loads what {@link onSprintOpen} needs (a chunk of its own); awaited before a sprint shows. */
  prepareSprint?: () => Promise<void>
  /** The user's own GitHub handle, when known (e.g. "My teams" in the team jump). */
  myHandle?: () => string
  /** Who is here and how far their clocks are, for meeting mode (else: this laptop alone). */
  meetingPresence?: (sprint: OpenSprint) => ExternalStore<MeetingPresence>
}

export const ExtensionsContext = createContext<SprintExtensions>({})

export function useExtensions(): SprintExtensions {
  return useContext(ExtensionsContext)
}
