import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { createSprint } from '../../../shared/doc'
import { matchSection } from '../../../shared/markdown'
import { TEMPLATES, getTemplate, type TemplateDefinition } from '../../../shared/template'

/** The shared fixtures folder (outside the repo, never copied into it). */
export const FIXTURES = resolve(import.meta.dirname, '../../../../shared/fixtures')

/** Reads a fixture file as text. */
export function fixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8')
}

/** The names of the fixture comments. */
export function commentFixtures(): string[] {
  return readdirSync(resolve(FIXTURES, 'comments'))
    .filter((f) => f.endsWith('.md'))
    .sort()
}

/** A fresh sprint doc using a built-in template. */
export function newSprint(templateId = 'team-2024', teams: string[] = []): Y.Doc {
  const doc = new Y.Doc()
  const template = getTemplate(templateId) as TemplateDefinition
  createSprint(doc, {
    id: 's1',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    createdAt: 0,
    template,
    teams,
  })
  return doc
}

/**
 * Words of a text: runs of letters and digits holding at least one letter. The `x` of a task box
 * (`[x]`) is syntax, not a word.
 */
export function words(text: string): string[] {
  const withoutBoxes = text.replace(/\[[xX]\]/g, ' ')
  return (withoutBoxes.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /\p{L}/u.test(w))
}

/** Words of `before` missing from `after` (as a multiset would be too strict: counts may merge). */
export function lostWords(
  before: string,
  after: string,
  allowed: readonly string[] = [],
): string[] {
  const have = new Set(words(after).map((w) => w.toLowerCase()))
  const ok = new Set(allowed.map((w) => w.toLowerCase()))
  return [...new Set(words(before))].filter(
    (w) => !have.has(w.toLowerCase()) && !ok.has(w.toLowerCase()),
  )
}

const ALL_SECTIONS = TEMPLATES.flatMap((t) => t.sections)

/** Words of headings the importer recognises as template sections (they may be respelt). */
export function recognisedHeadingWords(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((l) => /^#{1,6}\s/.test(l))
    .map((l) => l.replace(/^#+\s*/, ''))
    .filter((h) => matchSection(h, ALL_SECTIONS))
    .flatMap((h) => words(h))
}
