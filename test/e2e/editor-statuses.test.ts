import { describe, expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { addTeam, createSprint, it, screenshot, section, team } from './editor-helpers'

const COMMENT = [
  '# Team Pipeline',
  '',
  '## Retro',
  '',
  '- ✅ Shipped the exporter',
  '- 🌀 Half of the docs',
  '- ❌ The Kafka client',
  '- ⛔ The old dashboard',
  '',
  '## OKR',
  '',
  '1. 🟢 Keeps up with 3x peak',
  '2. 🟡 p99 under 30 s',
  '3. 🔴 Zero data loss',
  '',
  '### High priority',
  '',
  '- [ ] Replay the queue (Brett)',
  '- [x] Split the topic',
  '- Inline the geoip plugin',
  '',
].join('\n')

async function importComment(page: Page, markdown: string): Promise<void> {
  await page.getByRole('button', { name: 'Import comment…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
  await dialog.getByLabel(/Comment Markdown/).fill(markdown)
  await dialog.getByRole('button', { name: 'Import' }).click()
}

/** Each status control's accessible value (the words a screen reader says). */
function statusWords(sectionEl: Locator): Promise<string[]> {
  return sectionEl
    .getByRole('combobox', { name: 'Status' })
    .evaluateAll((els) =>
      els.map((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
    )
}

/** What each status shape looks like: its clip path, fill and pseudo-elements. */
function shapes(sectionEl: Locator): Promise<string[]> {
  return sectionEl.locator('.status-shape').evaluateAll((els) =>
    els.map((e) => {
      const s = getComputedStyle(e)
      const after = getComputedStyle(e, '::after').content
      return [s.clipPath, s.backgroundColor, s.backgroundImage, after].join(' | ')
    }),
  )
}

describe('statuses and boxes in the editor', () => {
  it('draws each status as a shape with its words, and a box only where the export writes one', async ({
    page,
    errors,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await createSprint(page)
    await addTeam(page, 'Web')
    await importComment(page, COMMENT)
    const pipeline = team(page, 'Pipeline')
    const retro = section(pipeline, 'Retro')
    const okr = section(pipeline, 'OKR')
    await expect
      .poll(() => statusWords(retro))
      .toEqual(['Done', 'Partly done', 'Not done', 'Dropped'])
    expect(await statusWords(okr)).toEqual(['Green: on track', 'Yellow: at risk', 'Red: off track'])
    // No emoji is drawn (this machine has no emoji font): every status is a shape of its own.
    expect(await retro.locator('.status-wrap').first().innerText()).not.toMatch(
      /\p{Extended_Pictographic}/u,
    )
    const drawn = [...(await shapes(retro)), ...(await shapes(okr))]
    expect(new Set(drawn).size).toBe(7)

    // High priority: the two tasks have a box, the plain item none (as the export writes them).
    const high = section(pipeline, 'High priority')
    const boxes = high.getByRole('checkbox', { name: 'Done' })
    await expect.poll(() => boxes.count()).toBe(2)
    expect(await boxes.nth(1).isChecked()).toBe(true)
    const preview = page.getByLabel('Markdown preview')
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Pipeline' })
    await expect
      .poll(() => preview.innerText())
      .toContain('- [ ] Replay the queue (Brett)\n- [x] Split the topic\n- Inline the geoip plugin')
    // The owner in parentheses is an owner.
    expect(await high.getByRole('list', { name: 'Owners' }).first().innerText()).toContain('Brett')
    await high.scrollIntoViewIfNeeded()
    await screenshot(page, 'statuses-and-boxes')

    // "Add a checkbox" gives the plain item its box, in the editor and in the export.
    await high.getByRole('button', { name: 'Add a checkbox' }).click()
    await expect.poll(() => boxes.count()).toBe(3)
    await expect.poll(() => preview.innerText()).toContain('- [ ] Inline the geoip plugin')
    // The comment had no guidance comments: none comes back.
    expect(await preview.innerText()).not.toContain('<!-- Grab the high')
    expect(errors).toEqual([])
  })
})
