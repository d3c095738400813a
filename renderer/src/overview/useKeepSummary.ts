import { useEffect } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import { keepSummary } from './summary-store'

/**
 * Keeps the open sprint's overview summary when it closes, so the Sprint overview opened next
 * (from this sprint's toolbar, typically) does not have to load the sprint again.
 */
export function useKeepSummary(sprint: OpenSprint): void {
  useEffect(
    () => () => {
      // After the sprints list has recorded the last edit (in this same tick), so the summary
      // counts as made after it. The document stays readable after the sprint closes.
      setTimeout(() => keepSummary(sprint.doc))
    },
    [sprint],
  )
}
