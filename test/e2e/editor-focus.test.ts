import { describe, expect } from 'vitest'
import type { Page } from 'playwright-core'
import {
  addTeam,
  createSprint,
  itemOutline,
  itemTexts,
  screenshot,
  section,
  team,
  it,
} from './editor-helpers'

/** What has the keyboard focus: an item's text, or a control's accessible label or text. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement
    if (el instanceof HTMLTextAreaElement && el.dataset.itemId) return `item:${el.value}`
    if (el instanceof HTMLInputElement) return `input:${el.getAttribute('aria-label') ?? ''}`
    return el?.getAttribute('aria-label') ?? el?.textContent ?? ''
  })
}

function onBody(p: Page): Promise<boolean> {
  return p.evaluate(() => document.activeElement === document.body || !document.activeElement)
}

describe('focus and the keyboard', () => {
  it('leaves an item with Escape then Tab, and Tab alone still nests', async ({ page, errors }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await section(web, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('First')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Second')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('item:Second')
    const high = section(web, 'High priority')
    await expect.poll(() => itemOutline(high)).toEqual(['First', '  Second'])
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    // The next Tab stop: one per item, so past the rest of the row to the section's "Add item".
    expect(await focused(page)).toBe('Add item to High priority (Web)')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('item:Second')
    // Escape is forgotten once another key is pressed: Shift+Tab un-nests again.
    await page.keyboard.press('Escape')
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('item:Second')
    await expect.poll(() => itemOutline(high)).toEqual(['First', 'Second'])
    expect(errors).toEqual([])
  })

  it('keeps the focus near after removing an item or a team', async ({ page, errors }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await addTeam(page, 'Data')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    for (const [i, t] of ['One', 'Two', 'Three'].entries()) {
      if (i > 0) await page.keyboard.press('Enter')
      await page.keyboard.type(t)
    }
    await high.getByRole('button', { name: 'Remove item' }).nth(1).click()
    expect(await itemTexts(high)).toEqual(['One', 'Three'])
    await expect.poll(() => focused(page)).toBe('item:One')
    await high.getByRole('button', { name: 'Remove item' }).first().click()
    await expect.poll(() => focused(page)).toBe('item:Three')
    await high.getByRole('button', { name: 'Remove item' }).first().click()
    await expect.poll(() => focused(page)).toBe('Add item to High priority (Web)')

    await web.getByRole('button', { name: 'Remove Web' }).click()
    await expect.poll(() => focused(page)).toBe('input:Team name')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      'Data',
    )
    await team(page, 'Data').getByRole('button', { name: 'Remove Data' }).click()
    await expect.poll(() => focused(page)).toBe('+ Add team')

    // Ctrl/Cmd+Shift+A adds a team from anywhere, the focus in its name; undo takes it away
    // (one step, or two when the typing came after the undo manager's capture time).
    await page.keyboard.press('Control+Shift+A')
    await expect.poll(() => focused(page)).toBe('input:Team name')
    await page.keyboard.type('Ops')
    await expect.poll(() => team(page, 'Ops').count()).toBe(1)
    const teams = page.locator('[data-team-id]')
    await page.keyboard.press('Control+z')
    // Either the team went, or only its name did (then one more undo).
    await expect.poll(() => team(page, 'Ops').count()).toBe(0)
    if ((await teams.count()) > 0) await page.keyboard.press('Control+z')
    await expect.poll(() => teams.count()).toBe(0)
    await expect.poll(() => focused(page)).toBe('+ Add team')
    expect(errors).toEqual([])
  })

  it('undoes a removal from its toast, but never the typing done since', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await addTeam(page, 'Data')
    await team(page, 'Data').getByRole('button', { name: 'Remove Data' }).click()
    const undo = page.locator('.toasts').getByRole('button', { name: 'Undo' })
    await undo.click()
    await expect.poll(() => team(page, 'Data').count()).toBe(1)

    await team(page, 'Data').getByRole('button', { name: 'Remove Data' }).click()
    await section(web, 'High priority')
      .getByRole('button', { name: /^Add item/ })
      .click()
    await page.keyboard.type('Typed after the removal')
    await undo.click()
    await expect
      .poll(() => page.locator('.toasts').innerText())
      .toMatch(/Not undone: you have changed things since/)
    expect(await team(page, 'Data').count()).toBe(0)
    expect(await itemTexts(section(web, 'High priority'))).toEqual(['Typed after the removal'])
    expect(errors).toEqual([])
  })

  it('copies the team comment with Ctrl+Shift+C while the export panel is hidden', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    await page.keyboard.press('Control+e')
    await expect.poll(() => page.locator('#export-panel').count()).toBe(0)
    await web.getByLabel('Team name').focus()
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'))
    await page.keyboard.press('Control+Shift+C')
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^# Team Web\n/)
    expect(errors).toEqual([])
  })
})

describe("an item's controls say which item they are for", () => {
  it('describes owners, status and remove controls by the item text, and items by their section', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Ship login')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Fix search')
    await expect.poll(() => itemTexts(high)).toEqual(['Ship login', 'Fix search'])

    // What Chromium's accessibility tree (what a screen reader reads) says of each control.
    const cdp = await page.context().newCDPSession(page)
    const { root } = await cdp.send('DOM.getDocument')
    const described = async (name: string): Promise<string[]> => {
      const { nodes } = await cdp.send('Accessibility.queryAXTree', {
        nodeId: root.nodeId,
        accessibleName: name,
      })
      return nodes.map((n) => String(n.description?.value ?? ''))
    }
    await expect.poll(() => described('Add owner')).toEqual(['Ship login', 'Fix search'])
    expect(await described('Remove item')).toEqual(['Ship login', 'Fix search'])
    // Items typed in the app are plain (no box): the control offers to add one.
    expect(await described('Add a checkbox')).toEqual(['Ship login', 'Fix search'])
    // The item fields themselves say where they are.
    expect(await described('Item')).toEqual(['Web: High priority', 'Web: High priority'])
    // Typing changes the description with the text, with no re-render of the controls.
    await page.keyboard.type(' fast')
    await expect.poll(() => described('Add owner')).toEqual(['Ship login', 'Fix search fast'])
    expect(errors).toEqual([])
  })
})

describe('Move to…', () => {
  it('moves an item with its nested items to another team by keyboard, undoably', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    const data = await addTeam(page, 'Data')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Alpha')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Alpha child')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.type('Beta')
    await expect.poll(() => itemOutline(high)).toEqual(['Alpha', '  Alpha child', 'Beta'])

    await high.locator('textarea[data-item-id]').first().click()
    await page.keyboard.press('Control+Shift+M')
    const dialog = page.getByRole('dialog', { name: 'Move “Alpha”' })
    const to = dialog.getByLabel('To')
    await expect.poll(() => to.evaluate((el) => el === document.activeElement)).toBe(true)
    // Every list section of every team, grouped by team; where the item is now is marked.
    const groups = await to.evaluate((el) =>
      [...el.querySelectorAll('optgroup')].map((g) => [
        g.label,
        [...g.querySelectorAll('option')].map((o) => o.textContent),
      ]),
    )
    expect(groups.map(([team]) => team)).toEqual(['Global Sprint Planning', 'Web', 'Data'])
    expect(groups[1]?.[1]).toContain('Web › High priority (where it is)')
    expect(await dialog.getByRole('button', { name: 'Move' }).isDisabled()).toBe(true)
    const lowOfData = await to.evaluate(
      (el) =>
        [...el.querySelectorAll<HTMLOptionElement>('optgroup[label="Data"] option')].find((o) =>
          o.text.startsWith('Data › Low priority'),
        )?.value ?? '',
    )
    await to.selectOption(lowOfData)
    await screenshot(page, 'move-dialog')
    await dialog.getByRole('button', { name: 'Move' }).click()
    await dialog.waitFor({ state: 'detached' })

    const low = section(data, 'Low priority / side quests')
    await expect.poll(() => itemOutline(low)).toEqual(['Alpha', '  Alpha child'])
    expect(await itemOutline(high)).toEqual(['Beta'])
    await expect.poll(() => focused(page)).toBe('item:Alpha')
    // One undo step puts it back where it was.
    await page.keyboard.press('Control+Z')
    await expect.poll(() => itemOutline(high)).toEqual(['Alpha', '  Alpha child', 'Beta'])
    expect(await itemOutline(low)).toEqual([])

    // A place removed meanwhile (here by a script, as a colleague would) is refused in words.
    await high.locator('textarea[data-item-id]').first().click()
    await page.keyboard.press('Control+Shift+M')
    await dialog.waitFor()
    await to.selectOption(lowOfData)
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('button[aria-label="Remove Data"]')?.click(),
    )
    await expect.poll(() => page.getByLabel('Team name').count()).toBe(1)
    await dialog.getByRole('button', { name: 'Move' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').innerText())
      .toContain('Data › Low priority / side quests is gone')
    await page.keyboard.press('Escape')
    await expect.poll(() => itemOutline(high)).toEqual(['Alpha', '  Alpha child', 'Beta'])

    // The drag handle opens it too; Escape moves nothing and gives the focus back to the item.
    await high.locator('.drag-handle').last().click()
    await page.getByRole('dialog', { name: 'Move “Beta”' }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('item:Beta')
    expect(await itemOutline(high)).toEqual(['Alpha', '  Alpha child', 'Beta'])
    expect(errors).toEqual([])
  })
})

describe('toolbars', () => {
  it('move the focus among their enabled buttons with the arrow keys, Home and End', async ({
    page,
    errors,
  }) => {
    const label = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.activeElement
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? ''
      })
    // The sprints list.
    await page.getByRole('button', { name: 'New sprint' }).focus()
    await page.keyboard.press('Home')
    expect(await label()).toBe('Sync settings…')
    await page.keyboard.press('ArrowLeft')
    expect(await label()).toBe('New sprint')
    await page.keyboard.press('ArrowRight')
    expect(await label()).toBe('Sync settings…')

    // The sprint's toolbar (once opening the sprint has put the focus on "+ Add team").
    await createSprint(page)
    await expect.poll(label).toBe('+ Add team')
    await page.getByRole('button', { name: 'Undo' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await label()).toBe('Redo')
    await page.keyboard.press('End')
    expect(await label()).toBe('Keyboard shortcuts')
    await page.keyboard.press('ArrowRight')
    expect(await label()).toBe('Undo')

    // A team's actions skip the disabled ones (the first team cannot move up).
    await addTeam(page, 'Web')
    await addTeam(page, 'Data')
    await page.getByRole('button', { name: 'Move Web down' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await label()).toBe('Remove Web')
    await page.keyboard.press('ArrowRight')
    expect(await label()).toBe('Move Web down')
    await page.keyboard.press('ArrowLeft')
    expect(await label()).toBe('Remove Web')

    // Tab from a team's name goes on to its Members, never to Remove (typing a space there
    // would remove the team); the team's actions come after its sections.
    await team(page, 'Web').getByLabel('Team name').focus()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toBe(
      await team(page, 'Web').getByLabel('Members').getAttribute('id'),
    )
    await screenshot(page, 'team-actions')
    expect(errors).toEqual([])
  })
})

describe('the focus is never left on the page body', () => {
  it('after creating a sprint, undoing a new item, and importing a comment', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    // A new sprint has no team yet: the focus is on "+ Add team" (never the title, which the
    // first keystroke would rename).
    await expect.poll(() => focused(page)).toBe('+ Add team')
    const web = await addTeam(page, 'Web')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('keep')
    await page.keyboard.press('Enter')
    await page.keyboard.type('temp')
    // One step: the new item with what was typed in it.
    await page.keyboard.press('Control+z')
    await expect.poll(() => itemTexts(high)).toEqual(['keep'])
    await expect.poll(() => focused(page)).toBe('item:keep')
    // Redo brings the item back; undoing it again lands on "keep" again.
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => itemTexts(high)).toEqual(['keep', 'temp'])
    expect(await onBody(page)).toBe(false)

    await page.getByRole('button', { name: 'Import comment…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a GitHub comment' })
    await dialog.getByLabel(/Comment Markdown/).fill('# Team Data\n\n### High priority\n\n- Ship\n')
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect
      .poll(() =>
        page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? ''),
      )
      .toBe('Data')
    expect(await focused(page)).toBe('input:Team name')
    expect(errors).toEqual([])
  })

  it('on the sprints list: after Rename, Delete and its Undo', async ({ page, errors }) => {
    await createSprint(page, '2027-01-04')
    await page.getByRole('link', { name: 'All sprints' }).click()
    await createSprintFromList(page)
    await page.getByRole('link', { name: 'All sprints' }).click()
    const rows = page.getByRole('list', { name: 'Sprints' }).getByRole('listitem')
    await expect.poll(() => rows.count()).toBe(2)
    // A new sprint is proposed after the latest one, not over it.
    expect(await rows.first().getByRole('link').textContent()).toBe(
      'Sprint - January 18 to January 29',
    )
    await page.getByRole('button', { name: 'New sprint' }).click()
    const dialog = page.getByRole('dialog', { name: 'New sprint' })
    expect(await dialog.getByLabel('Starts').inputValue()).toBe('2027-02-01')
    await dialog.getByRole('button', { name: 'Cancel' }).click()

    const first = rows.first()
    await first.getByRole('button', { name: 'Rename' }).click()
    await page.keyboard.type(' renamed')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('Rename')
    // The row shows the new title as soon as Enter is pressed (the stored sprint follows).
    const title = 'Sprint - January 18 to January 29 renamed'
    expect(await first.getByRole('link').textContent()).toBe(title)
    // …and, once the row is no longer busy saving it, it is stored: a reload shows it.
    await expect.poll(() => first.getAttribute('aria-busy')).toBe(null)
    await page.reload()
    await expect.poll(() => first.getByRole('link').textContent()).toBe(title)
    await first.getByRole('button', { name: 'Rename' }).focus()
    await first.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => rows.count()).toBe(1)
    await expect.poll(() => onBody(page)).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('sprint-link')
    await page.locator('.toasts').getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => rows.count()).toBe(2)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(title)
    expect(errors).toEqual([])
  })
})

/** New sprint from the list with the dates it proposes. */
async function createSprintFromList(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'New sprint' }).click()
  await p
    .getByRole('dialog', { name: 'New sprint' })
    .getByRole('button', { name: 'Create sprint' })
    .click()
  await p.getByLabel('Sprint title').waitFor()
}

describe('Backspace at the start of an item', () => {
  it('joins it into the item above, undoing Enter; not across sections', async ({
    page,
    errors,
  }) => {
    await createSprint(page)
    const web = await addTeam(page, 'Web')
    const high = section(web, 'High priority')
    await high.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Ship the exporter')
    for (let i = 0; i < 'the exporter'.length; i++) await page.keyboard.press('ArrowLeft')
    await page.keyboard.press('Enter')
    await expect.poll(() => itemTexts(high)).toEqual(['Ship ', 'the exporter'])
    expect(await focused(page)).toBe('item:the exporter')
    await page.keyboard.press('Backspace')
    await expect.poll(() => itemTexts(high)).toEqual(['Ship the exporter'])
    // The caret is where the two texts meet: typing goes there.
    await page.keyboard.type('new ')
    await expect.poll(() => itemTexts(high)).toEqual(['Ship new the exporter'])

    // The first item of a section has nothing above it in the section: nothing happens.
    const low = section(web, 'Low priority / side quests')
    await low.getByRole('button', { name: /^Add item/ }).click()
    await page.keyboard.type('Side quest')
    await page.keyboard.press('Home')
    await page.keyboard.press('Backspace')
    expect(await itemTexts(low)).toEqual(['Side quest'])
    expect(await itemTexts(high)).toEqual(['Ship new the exporter'])
    expect(errors).toEqual([])
  })
})
