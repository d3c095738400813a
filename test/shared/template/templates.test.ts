import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TEMPLATE_ID,
  TEMPLATES,
  defaultTemplate,
  getTemplate,
  templateDefinitionSchema,
} from '../../../shared/template'

describe('built-in templates', () => {
  it('has one template per era, named after the fixture files, 2024 first and default', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'team-2024',
      'team-2021',
      'team-2023',
      'team-2025-q1',
      'team-2025-q3',
      'team-2025-q4',
    ])
    expect(DEFAULT_TEMPLATE_ID).toBe('team-2024')
    expect(defaultTemplate().id).toBe('team-2024')
  })

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is valid data', (_id, t) => {
    expect(templateDefinitionSchema.parse(structuredClone(t))).toEqual(t)
    const keys = t.sections.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    for (const s of t.sections) if (s.kind === 'field') expect(s.level).toBe(0)
  })

  it('keeps the same keys for the same sections across eras', () => {
    for (const t of TEMPLATES) {
      expect(t.sections.find((s) => s.heading === 'High priority')?.key).toBe('high')
      expect(t.sections.find((s) => s.role === 'retro')?.key).toBe('retro')
    }
  })

  it('returns deep copies', () => {
    const a = getTemplate('team-2021')
    expect(a).toBeDefined()
    if (a) a.sections.length = 0
    expect(getTemplate('team-2021')?.sections.length).toBe(5)
    expect(getTemplate('nope')).toBeUndefined()
  })
})
