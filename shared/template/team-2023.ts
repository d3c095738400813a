import { DEFAULT_LEGEND } from './legend'
import { ISSUE_2024 } from './issue'
import {
  HIGH_PRIORITY,
  LOW_PRIORITY,
  hangoverList,
  okrList,
  priorityList,
  retroList,
} from './sections'
import type { TemplateDefinition } from './types'

/** The 2023 team comment: a bare `Team ___` line (the support hero lived in the issue). */
export const TEAM_2023: TemplateDefinition = {
  id: 'team-2023',
  name: 'Team template (2023)',
  teamHeading: { level: 0, text: 'Team ___' },
  sections: [
    retroList({ placeholder: '- ' }),
    hangoverList(),
    okrList({}, { gapAfter: 2 }),
    priorityList('high', HIGH_PRIORITY),
    priorityList('low', LOW_PRIORITY),
  ],
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}
