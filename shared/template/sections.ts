import type { TemplateSection } from './types'

/**
 * Builders for the sections the PostHog templates have used over the years. Each era's template
 * file picks from these and adds its exact layout (blank lines), so that the sections keep the same
 * keys across eras: an item in `high` is in "High priority" whatever the era.
 *
 * Layout keys read by the Markdown exporter (all optional, counts of blank lines):
 * - `gapAfterHeading` (default 1): between the heading and the first block under it.
 * - `gapAfterGuidance` (default 1): between the guidance comment and what follows it.
 * - `gapAfter` (default 1): between the section's last block and the next section.
 */

type Layout = NonNullable<TemplateSection['layout']>

export const RETRO_GUIDANCE =
  ' Grab the high and low priority items from last time and add whether that item was completed or not '
export const RETRO_2021_GUIDANCE =
  " Talk about what went well, what didn't go well and any actions to improve next time "
export const HANGOVER_GUIDANCE =
  ' For each item, decide to re-prioritise (and add below) or deprioritise '
export const PLANNING_GUIDANCE =
  ' Each item should have a single owner. Owner can only be an engineer. '
export const OKR_PLACEHOLDER = '1. OKR, status (red/yellow/green) and action points if yellow/red'
export const QUARTER_GOALS_PLACEHOLDER =
  '1. Quarter goals, status (red/yellow/green) and action points if yellow/red'

export function supportHeroField(layout?: Layout): TemplateSection {
  return {
    key: 'supportHero',
    heading: 'Support hero:',
    level: 0,
    kind: 'field',
    role: 'plain',
    listStyle: 'bullet',
    field: 'supportHero',
    placeholder: '___',
    ...(layout ? { layout } : {}),
  }
}

export function offDuringField(layout?: Layout): TemplateSection {
  return {
    key: 'offDuring',
    heading: 'Off during the sprint:',
    level: 0,
    kind: 'field',
    role: 'plain',
    listStyle: 'bullet',
    field: 'offDuring',
    placeholder: '___',
    ...(layout ? { layout } : {}),
  }
}

export function retroList(
  args: { heading?: string; level?: number; guidance?: string; placeholder?: string },
  layout?: Layout,
): TemplateSection {
  return {
    key: 'retro',
    heading: args.heading ?? 'Retro',
    level: args.level ?? 2,
    kind: 'list',
    role: 'retro',
    listStyle: 'bullet',
    guidance: args.guidance ?? RETRO_GUIDANCE,
    ...(args.placeholder !== undefined ? { placeholder: args.placeholder } : {}),
    ...(layout ? { layout } : {}),
  }
}

export function hangoverList(layout?: Layout): TemplateSection {
  return {
    key: 'hangover',
    heading: 'Hang over items from previous sprint',
    level: 2,
    kind: 'list',
    role: 'hangover',
    listStyle: 'bullet',
    guidance: HANGOVER_GUIDANCE,
    placeholder: '- Item 1. prioritised/deprioritise',
    ...(layout ? { layout } : {}),
  }
}

export function okrList(
  args: { heading?: string; placeholder?: string },
  layout?: Layout,
): TemplateSection {
  return {
    key: 'okr',
    heading: args.heading ?? 'OKR',
    level: 2,
    kind: 'list',
    role: 'okr',
    listStyle: 'ordered',
    placeholder: args.placeholder ?? OKR_PLACEHOLDER,
    ...(layout ? { layout } : {}),
  }
}

/** A heading that only groups the sections below it (`## Plan`, `## Planning`). */
export function groupHeading(
  key: string,
  heading: string,
  guidance?: string,
  layout?: Layout,
): TemplateSection {
  return {
    key,
    heading,
    level: 2,
    kind: 'group',
    role: 'plain',
    listStyle: 'bullet',
    ...(guidance !== undefined ? { guidance } : {}),
    ...(layout ? { layout } : {}),
  }
}

export function plainList(
  key: string,
  heading: string,
  layout?: Layout,
  level = 3,
): TemplateSection {
  return {
    key,
    heading,
    level,
    kind: 'list',
    role: 'plain',
    listStyle: 'bullet',
    placeholder: '-',
    ...(layout ? { layout } : {}),
  }
}

/** A plain list of the sprint's priorities (carried into the next sprint's Retro). */
export function priorityList(key: string, heading: string, layout?: Layout): TemplateSection {
  return { ...plainList(key, heading, layout), priority: true }
}

export const HIGH_PRIORITY = 'High priority'
export const LOW_PRIORITY = 'Low priority / side quests'
export const IMPACTED_TEAMS = 'Are any other teams impacted by this plan? If so, tag them here'
