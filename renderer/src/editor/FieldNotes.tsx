import { useState } from 'react'
import type { TemplateSection } from '../../../shared/template'
import { SectionNotes } from './SectionNotes'
import { useHasNotes, useNotesText } from './useSectionNotes'
import { sectionTitle } from './section-title'

interface Props {
  teamId: string
  teamName: string
  def: TemplateSection
}

/**
 * The notes of a field section (`Support hero:`), shown under the field when the import kept text
 * there, so nothing written is hidden. Stays while it is being edited, even when emptied.
 */
export function FieldNotes({ teamId, teamName, def }: Props) {
  const notes = useNotesText(teamId, def.key)
  const hasNotes = useHasNotes(notes)
  const [isEditing, setEditing] = useState(false)
  if (!hasNotes && !isEditing) return null
  return (
    <div className="field-notes" onFocus={() => setEditing(true)}>
      <SectionNotes
        teamId={teamId}
        section={def.key}
        notes={notes}
        label={`Notes: ${sectionTitle(def).replace(/:$/, '')} (${teamName})`}
        onBlurEmpty={() => setEditing(false)}
      />
    </div>
  )
}
