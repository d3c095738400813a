import { createContext, useContext } from 'react'
import type { OpenSprint } from '../store/open-sprint'

/** The open sprint of the sprint view. */
export const SprintContext = createContext<OpenSprint | undefined>(undefined)

export function useSprint(): OpenSprint {
  const sprint = useContext(SprintContext)
  if (!sprint) throw new Error('useSprint outside of an open sprint')
  return sprint
}
