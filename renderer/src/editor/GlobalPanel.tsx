import { useState } from 'react'
import { GLOBAL_TEAM } from '../../../shared/doc'
import { sectionKindOf } from '../../../shared/template'
import { historyOf } from '../history/recorder'
import { useTeamSections, useTemplate } from './useDoc'
import { SectionBlock } from './SectionBlock'
import { useSprint } from './sprint-context'
import { GlobalSectionsDialog } from './GlobalSectionsDialog'

/**
 * The issue's global sections ("3 things that might take us down", and any other section of the
 * issue body), with a button to add, rename and remove them.
 */
export function GlobalPanel() {
  const sprint = useSprint()
  const template = useTemplate()
  const sections = useTeamSections(GLOBAL_TEAM).filter((s) => sectionKindOf(s) !== 'field')
  const [isEditing, setEditing] = useState(false)
  if (!template.issue) return null
  const title = template.issue.title || 'Global'
  return (
    <article className="team-panel global-panel" aria-label={title}>
      <header className="team-header">
        <h2 className="team-title plain">{title}</h2>
        <span className="spacer" />
        <button
          type="button"
          className="global-sections-button"
          onClick={() => {
            // The sections as they were stay in the history.
            void historyOf(sprint.doc)?.checkpoint('sections')
            setEditing(true)
          }}
        >
          Edit headings…
        </button>
      </header>
      {sections.length === 0 && <p className="global-empty">No sections in the issue body.</p>}
      {sections.map((def) => (
        <SectionBlock key={def.key} teamId={GLOBAL_TEAM} teamName="" def={def} />
      ))}
      {isEditing && <GlobalSectionsDialog title={title} onClose={() => setEditing(false)} />}
    </article>
  )
}
