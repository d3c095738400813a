import { useMemo } from 'react'
import * as Y from 'yjs'
import { noteKey, notesMap } from '../../../shared/doc'
import { useStore, useY } from '../store/useY'
import { useSprint } from './sprint-context'

/**
 * The Y.Text of a section's notes, a plain string (written by an older or foreign peer: shown, and
 * turned into a Y.Text by the first edit), or undefined while there is none. Follows the notes map
 * only (a note created or replaced, here or by a peer), never the typing inside a note.
 */
export function useNotesText(teamId: string, section: string): Y.Text | string | undefined {
  const { doc } = useSprint()
  const store = useMemo(() => {
    const map = notesMap(doc)
    return {
      subscribe: (onChange: () => void) => {
        map.observe(onChange)
        return () => map.unobserve(onChange)
      },
      // The same Y.Text instance until it is replaced: a stable snapshot.
      getSnapshot: () => {
        const v: unknown = map.get(noteKey(teamId, section))
        return v instanceof Y.Text || typeof v === 'string' ? v : undefined
      },
    }
  }, [doc, teamId, section])
  return useStore(store)
}

function hasText(t: Y.Text | undefined): boolean {
  return (t?.length ?? 0) > 0
}

/** Whether a section has notes to show; re-renders only when that flips, not on every key. */
export function useHasNotes(notes: Y.Text | string | undefined): boolean {
  const hasYText = useY(notes instanceof Y.Text ? notes : undefined, hasText)
  return typeof notes === 'string' ? notes.length > 0 : hasYText
}
