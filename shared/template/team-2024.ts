import { DEFAULT_LEGEND } from './legend'
import type { TemplateDefinition } from './types'

const RETRO_GUIDANCE =
  ' Grab the high and low priority items from last time and add whether that item was completed or not '
const HANGOVER_GUIDANCE = ' For each item, decide to re-prioritise (and add below) or deprioritise '

/** The default template: the team comment of the July 2024 PostHog sprint issue. */
export const TEAM_2024: TemplateDefinition = {
  id: 'team-2024',
  name: 'Team template (2024)',
  teamHeading: { level: 1, text: 'Team ___' },
  sections: [
    {
      key: 'supportHero',
      heading: 'Support hero:',
      level: 0,
      kind: 'field',
      role: 'plain',
      listStyle: 'bullet',
      field: 'supportHero',
      placeholder: '___',
    },
    {
      key: 'retro',
      heading: 'Retro',
      level: 2,
      kind: 'list',
      role: 'retro',
      listStyle: 'bullet',
      guidance: RETRO_GUIDANCE,
      placeholder: '- ',
    },
    {
      key: 'hangover',
      heading: 'Hang over items from previous sprint',
      level: 2,
      kind: 'list',
      role: 'hangover',
      listStyle: 'bullet',
      guidance: HANGOVER_GUIDANCE,
      placeholder: '- Item 1. prioritised/deprioritise',
    },
    {
      key: 'okr',
      heading: 'OKR',
      level: 2,
      kind: 'list',
      role: 'okr',
      listStyle: 'ordered',
      placeholder: '1. OKR, status (red/yellow/green) and action points if yellow/red',
    },
    {
      key: 'high',
      heading: 'High priority',
      level: 3,
      kind: 'list',
      role: 'plain',
      listStyle: 'bullet',
      placeholder: '-',
    },
    {
      key: 'low',
      heading: 'Low priority / side quests',
      level: 3,
      kind: 'list',
      role: 'plain',
      listStyle: 'bullet',
      placeholder: '-',
    },
  ],
  issue: {
    title: 'Global Sprint Planning',
    sections: [
      {
        key: 'takeDown',
        heading: '3 things that might take us down',
        level: 2,
        kind: 'list',
        role: 'plain',
        listStyle: 'ordered',
        placeholder: '1.\n2.\n3.',
      },
    ],
  },
  legend: { ...DEFAULT_LEGEND },
}
