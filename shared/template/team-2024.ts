import { DEFAULT_LEGEND } from './legend'
import {
  HIGH_PRIORITY,
  LOW_PRIORITY,
  hangoverList,
  okrList,
  priorityList,
  retroList,
  supportHeroField,
} from './sections'
import type { TemplateDefinition } from './types'
import { ISSUE_2024 } from './issue'

/**
 * The default template: the team comment of the July 2024 PostHog sprint issue
 * (`templates/team-2024.md`), with the issue body around it (`templates/issue-2024.md`).
 */
export const TEAM_2024: TemplateDefinition = {
  id: 'team-2024',
  name: 'Team template (2024)',
  teamHeading: { level: 1, text: 'Team ___' },
  sections: [
    supportHeroField(),
    retroList({ placeholder: '- ' }),
    hangoverList(),
    // The template has two blank lines after the OKR placeholder.
    okrList({}, { gapAfter: 2 }),
    priorityList('high', HIGH_PRIORITY),
    priorityList('low', LOW_PRIORITY),
  ],
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}
