import { useEffect } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import { keepSummary } from './summary-store'

/**
 * Keeps the open sprint's overview summary when it closes, so the Sprint overview opened next
 * (from this sprint's toolbar, typically) does not have to load the sprint again.
 */
export function useKeepSummary(sprint: OpenSprint): void {
  useEffect(() => () => keepSummary(sprint.doc), [sprint])
}
