import { GLOBAL_TEAM } from '../../../shared/doc'
import { sectionKindOf } from '../../../shared/template'
import { useTeamSections, useTemplate } from './useDoc'
import { SectionBlock } from './SectionBlock'

/** The issue's global sections ("3 things that might take us down"). */
export function GlobalPanel() {
  const template = useTemplate()
  const sections = useTeamSections(GLOBAL_TEAM).filter((s) => sectionKindOf(s) !== 'field')
  if (sections.length === 0) return null
  return (
    <article className="team-panel global-panel" aria-label={template.issue?.title ?? 'Global'}>
      <header className="team-header">
        <h2 className="team-title plain">{template.issue?.title ?? 'Global'}</h2>
      </header>
      {sections.map((def) => (
        <SectionBlock key={def.key} teamId={GLOBAL_TEAM} teamName="" def={def} />
      ))}
    </article>
  )
}
