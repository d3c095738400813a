import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import { addTeam, createSprint, itemTexts, screenshot, section, team, it } from './editor-helpers'

const COMMENTS = resolve(import.meta.dirname, '../../../shared/fixtures/comments')

function row(p: Page, title: string) {
  return p.getByRole('listitem').filter({ has: p.getByRole('link', { name: title, exact: true }) })
}

/** How many registry entries IndexedDB holds marked deleted (what a reload will find). */
function storedDeletions(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      new Promise<number>((done, fail) => {
        const req = indexedDB.open('sprintpad-registry')
        req.onerror = () => fail(req.error)
        req.onsuccess = () => {
          const all = req.result.transaction('sprints').objectStore('sprints').getAll()
          all.onerror = () => fail(all.error)
          all.onsuccess = () => {
            req.result.close()
            done((all.result as { deletedAt?: number }[]).filter((e) => e.deletedAt).length)
          }
        }
      }),
  )
}

describe('the sprints list', () => {
  it('renames, duplicates, deletes with undo, and remembers it all after a reload', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await page.getByRole('link', { name: 'All sprints' }).click()

    await row(page, 'Sprint - July 1 to July 12').getByRole('button', { name: 'Rename' }).click()
    await page.getByLabel('New title').fill('Sprint 42')
    await page.getByLabel('New title').press('Enter')
    await expect.poll(() => row(page, 'Sprint 42').count()).toBe(1)

    await row(page, 'Sprint 42').getByRole('button', { name: 'Duplicate' }).click()
    await expect.poll(() => row(page, 'Sprint 42 (copy)').count()).toBe(1)
    expect(await row(page, 'Sprint 42 (copy)').innerText()).toContain('1 team')

    await row(page, 'Sprint 42').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => row(page, 'Sprint 42').count()).toBe(0)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => row(page, 'Sprint 42').count()).toBe(1)

    await row(page, 'Sprint 42 (copy)').getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => row(page, 'Sprint 42 (copy)').count()).toBe(0)
    // The list hides it at once; the reload waits for the deletion to be stored.
    await expect.poll(() => storedDeletions(page)).toBe(1)
    await page.reload()
    await expect.poll(() => row(page, 'Sprint 42').count()).toBe(1)
    expect(await row(page, 'Sprint 42 (copy)').count()).toBe(0)

    // The renamed sprint opens with its new title and its team.
    await page.getByRole('link', { name: 'Sprint 42', exact: true }).click()
    await expect.poll(() => page.getByLabel('Sprint title').inputValue()).toBe('Sprint 42')
    expect(await team(page, 'Pipeline').count()).toBe(1)
    expect(errors).toEqual([])
  })

  it('moves items by drag and drop, reorders and removes teams, saves Markdown', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await addTeam(page, 'Pipeline')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog
      .getByLabel(/Comment Markdown/)
      .fill(await readFile(resolve(COMMENTS, '01-pipeline-clean.md'), 'utf8'))
    await dialog.getByLabel('Into').selectOption({ label: 'Pipeline' })
    await dialog.getByRole('button', { name: 'Import' }).click()
    const pipeline = team(page, 'Pipeline')
    const hang = section(pipeline, 'Hang over items from previous sprint')

    // A hang-over item dragged onto the first Retro item lands before it.
    const retro = section(pipeline, 'Retro')
    const dragged = (await itemTexts(hang))[1] ?? ''
    const firstRetro = (await itemTexts(retro))[0] ?? ''
    const handle = await hang.locator('.drag-handle').nth(1).boundingBox()
    const to = await retro.getByRole('listitem').first().boundingBox()
    if (!handle || !to) throw new Error('items not visible')
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + 60, to.y + 3, { steps: 8 })
    await page.mouse.move(to.x + 62, to.y + 4)
    await page.mouse.up()
    await expect
      .poll(async () => (await itemTexts(retro)).slice(0, 2))
      .toEqual([dragged, firstRetro])
    await expect.poll(() => itemTexts(hang)).toHaveLength(1)
    // Undo puts it back.
    await page.keyboard.press('Control+z')
    await expect.poll(() => itemTexts(hang)).toHaveLength(2)

    await addTeam(page, 'Growth')
    await team(page, 'Growth').getByRole('button', { name: 'Move Growth up' }).click()
    const names = await page
      .getByLabel('Team name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    expect(names).toEqual(['Growth', 'Pipeline'])
    await team(page, 'Growth').getByRole('button', { name: 'Remove Growth' }).click()
    expect(await team(page, 'Growth').count()).toBe(0)
    await page.getByRole('button', { name: 'Undo' }).last().click()
    expect(await team(page, 'Growth').count()).toBe(1)

    const download = page.waitForEvent('download')
    await page.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Pipeline' })
    await page.getByRole('button', { name: 'Save as .md' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('sprint-july-1-to-july-12-pipeline.md')
    const saved = await readFile((await file.path()) ?? '', 'utf8')
    expect(saved).toContain('# Team Pipeline')
    expect(saved).toContain('Replay the dead letter queue from March')
    expect(errors).toEqual([])
  })

  it('reorders teams by dragging one onto another, undoably', async ({ page, errors }) => {
    await createSprint(page)
    for (const name of ['Alpha', 'Beta', 'Gamma']) await addTeam(page, name)
    const names = () =>
      page
        .getByLabel('Team name')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    const drag = async (from: string, onto: string, shot?: string): Promise<void> => {
      const handle = await team(page, from).locator('.team-drag').boundingBox()
      const target = await team(page, onto).locator('.team-header').boundingBox()
      if (!handle || !target) throw new Error('teams not visible')
      await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
      await page.mouse.down()
      await page.mouse.move(target.x + 40, target.y + 10, { steps: 8 })
      await page.mouse.move(target.x + 42, target.y + 12)
      if (shot) await screenshot(page, shot)
      await page.mouse.up()
    }
    // Dragged up, a team goes before the one it lands on; dragged down, after it.
    await drag('Gamma', 'Alpha', 'team-drag')
    await expect.poll(names).toEqual(['Gamma', 'Alpha', 'Beta'])
    await drag('Gamma', 'Beta')
    await expect.poll(names).toEqual(['Alpha', 'Beta', 'Gamma'])
    expect(await page.locator('.team-drop').count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(names).toEqual(['Gamma', 'Alpha', 'Beta'])
    expect(errors).toEqual([])
  })

  it('shows the people a comment grouped items under, and ungroups them', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    await addTeam(page, 'Growth')
    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog
      .getByLabel(/Comment Markdown/)
      .fill(await readFile(resolve(COMMENTS, '03-growth-details.md'), 'utf8'))
    await dialog.getByRole('button', { name: 'Import' }).click()
    const high = section(team(page, 'Growth'), 'High priority')
    await expect
      .poll(() => high.locator('.item-group-name').allInnerTexts())
      .toEqual(['@sam-o', '@rita-m'])
    await screenshot(page, 'item-groups')
    const preview = page
      .getByRole('region', { name: 'Markdown preview' })
      .or(page.getByLabel('Markdown preview'))
    await expect
      .poll(() => preview.innerText())
      .toContain('- @rita-m\n  - [ ] Default plan roll-out')
    await high.getByRole('button', { name: 'Ungroup the items under @rita-m' }).click()
    await expect.poll(() => high.locator('.item-group').count()).toBe(1)
    // High priority's last items are no longer under @rita-m (the Retro keeps its groups).
    await expect
      .poll(() => preview.innerText())
      .toContain('  - [ ] Card entry experiment\n- [ ] Default plan roll-out\n')
    expect(errors).toEqual([])
  })

  it('says in words why a file cannot be opened, and changes nothing', async ({ page, errors }) => {
    const openFile = async (name: string, bytes: Buffer): Promise<void> => {
      const chooser = page.waitForEvent('filechooser')
      await page.getByRole('button', { name: 'Open .sprintpad…' }).click()
      await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes })
    }
    await openFile('notes.sprintpad', Buffer.from('# Team X\n'))
    await expect
      .poll(() => page.locator('.toasts').innerText())
      .toContain('Could not open the file: This is not a Sprintpad file.')
    const newer = Buffer.alloc(60)
    newer.write('SPRNTPAD')
    newer.writeUInt16BE(9, 8)
    await openFile('future.sprintpad', newer)
    await expect
      .poll(() => page.locator('.toasts').innerText())
      .toContain(
        'This file was saved by a newer Sprintpad (format 9). Update Sprintpad to open it.',
      )
    expect(await page.getByRole('link', { name: /Sprint/ }).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('creates a sprint from a whole issue body', async ({ page, errors }) => {
    const issue = [
      '# Global Sprint Planning',
      '',
      '## 3 things that might take us down',
      '',
      '1. Kafka upgrade lands mid-sprint',
      '2. Two people out',
      '',
      await readFile(resolve(COMMENTS, '01-pipeline-clean.md'), 'utf8'),
      await readFile(resolve(COMMENTS, '02-error-tracking-emoji.md'), 'utf8'),
    ].join('\n')
    await page.getByRole('button', { name: 'Import issue…' }).click()
    const dialog = page.getByRole('dialog', { name: 'New sprint from an issue body' })
    await dialog.getByLabel('Starts').fill('2024-07-01')
    await dialog.getByLabel('Issue body').fill(issue)
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect
      .poll(() => page.getByLabel('Sprint title').inputValue())
      .toBe('Sprint - July 1 to July 12')
    const names = await page
      .getByLabel('Team name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    expect(names).toEqual(['Pipeline', 'Error Tracking, obsessing over stack traces'])
    const global = page.getByRole('article', { name: 'Global Sprint Planning' })
    expect(await itemTexts(global)).toEqual(['Kafka upgrade lands mid-sprint', 'Two people out'])
    expect(await itemTexts(section(team(page, 'Pipeline'), 'OKR'))).toHaveLength(5)
    expect(await page.locator('.toasts').innerText()).not.toMatch(/warning/)

    // Text with no team comment in it still makes a sprint, and says what it did with it.
    await page.getByRole('link', { name: 'All sprints' }).click()
    await page.getByRole('button', { name: 'Import issue…' }).click()
    await dialog.getByLabel('Issue body').fill('random words\n\n- and a list')
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect
      .poll(() => page.locator('.toasts').innerText())
      .toMatch(/no "# Team …" comment found; everything was read into the issue's own sections/)
    // The new sprint is open (loaded from IndexedDB) and has no team.
    await expect.poll(() => page.getByLabel('Sprint title').count()).toBe(1)
    expect(await page.getByLabel('Team name').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
