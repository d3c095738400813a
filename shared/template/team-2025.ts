import { DEFAULT_LEGEND } from './legend'
import { ISSUE_2024 } from './issue'
import {
  HIGH_PRIORITY,
  IMPACTED_TEAMS,
  LOW_PRIORITY,
  QUARTER_GOALS_PLACEHOLDER,
  groupHeading,
  offDuringField,
  okrList,
  plainList,
  priorityList,
  retroList,
  supportHeroField,
} from './sections'
import type { TemplateDefinition, TemplateSection } from './types'

/** 2025 Q1: OKR before Retro, no Hang over; the retro guidance sits right on top of its list. */
export const TEAM_2025_Q1: TemplateDefinition = {
  id: 'team-2025-q1',
  name: 'Team template (2025 Q1)',
  teamHeading: { level: 1, text: 'Team ___' },
  sections: [
    supportHeroField(),
    okrList({}),
    retroList({ placeholder: '- ' }, { gapAfterGuidance: 0 }),
    priorityList('high', HIGH_PRIORITY),
    priorityList('low', LOW_PRIORITY),
  ],
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}

function sections2025(extra: TemplateSection[]): TemplateSection[] {
  return [
    // The two field lines are adjacent (one paragraph).
    supportHeroField({ gapAfter: 0 }),
    offDuringField(),
    okrList({ heading: 'Quarter goals', placeholder: QUARTER_GOALS_PLACEHOLDER }),
    groupHeading('retroGroup', 'Retro'),
    retroList({ heading: 'Tasks', level: 3 }),
    groupHeading('plan', 'Plan'),
    priorityList('high', HIGH_PRIORITY),
    priorityList('low', LOW_PRIORITY),
    ...extra,
  ]
}

/** 2025 Q3: support hero and time off as two lines, Quarter goals, `## Retro` / `### Tasks`. */
export const TEAM_2025_Q3: TemplateDefinition = {
  id: 'team-2025-q3',
  name: 'Team template (2025 Q3)',
  teamHeading: { level: 1, text: 'Team ___' },
  sections: sections2025([]),
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}

/** 2025 Q4: as Q3, plus the "other teams impacted" section. */
export const TEAM_2025_Q4: TemplateDefinition = {
  id: 'team-2025-q4',
  name: 'Team template (2025 Q4)',
  teamHeading: { level: 1, text: 'Team ___' },
  sections: sections2025([plainList('impacted', IMPACTED_TEAMS)]),
  issue: ISSUE_2024,
  legend: { ...DEFAULT_LEGEND },
}
