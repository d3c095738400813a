import { createContext, useContext, type ReactNode } from 'react'
import type { OpenSprint } from '../store/open-sprint'

/**
 * What other parts of the renderer (sync: share / join / presence) plug into the sprint view,
 * without the editor knowing them: `onSprintOpen` runs once per open sprint (attach a provider
 * with `sprint.attach(...)`, destroyed when the sprint closes) and `headerExtras` renders in the
 * sprint header's extras slot.
 */
export interface SprintExtensions {
  onSprintOpen?: (sprint: OpenSprint) => void
  headerExtras?: (sprint: OpenSprint) => ReactNode
}

export const ExtensionsContext = createContext<SprintExtensions>({})

export function useExtensions(): SprintExtensions {
  return useContext(ExtensionsContext)
}
