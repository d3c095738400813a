import type { TemplateDefinition } from './types'

/**
 * The global part of the sprint issue (`templates/issue-2024.md`): the title, the "3 things that
 * might take us down" section, and the heading and intro above the fenced copy of the team
 * template. Every era's template carries it, so a sprint of any era exports a full issue body.
 */
export const ISSUE_2024: NonNullable<TemplateDefinition['issue']> = {
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
  layout: {
    templateHeading: 'Team sprint planning',
    templateIntro:
      'For your team sprint planning copy this template into a comment below for each team.',
    // The fenced copy of the template ends with a blank line before the closing fence.
    fenceTrailingBlank: true,
  },
}

/**
 * Layout mark of a section of the issue body written below the fenced copy of the template
 * (the importer keeps it there, the exporter writes it there).
 */
export const AFTER_TEMPLATE = 'afterTemplate'
