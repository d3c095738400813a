import { DEFAULT_LEGEND } from './legend'
import { ISSUE_2024 } from './issue'
import {
  HIGH_PRIORITY,
  LOW_PRIORITY,
  PLANNING_GUIDANCE,
  RETRO_2021_GUIDANCE,
  groupHeading,
  hangoverList,
  priorityList,
  retroList,
} from './sections'
import type { TemplateDefinition } from './types'

/** The 2021 team comment: a bare `Team ___` line, Retro, Hang over, `## Planning`, High / Low. */
export const TEAM_2021: TemplateDefinition = {
  id: 'team-2021',
  name: 'Team template (2021)',
  teamHeading: { level: 0, text: 'Team ___' },
  sections: [
    retroList({ guidance: RETRO_2021_GUIDANCE, placeholder: '- ' }),
    hangoverList(),
    groupHeading('planning', 'Planning', PLANNING_GUIDANCE),
    priorityList('high', HIGH_PRIORITY),
    priorityList('low', LOW_PRIORITY),
  ],
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}
