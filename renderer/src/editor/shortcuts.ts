import { keyName } from '../app/keys'

/** One keyboard shortcut of the sprint view, as the help dialog lists it. */
export interface Shortcut {
  keys: string[]
  does: string
  /** The keys are pressed one after the other, not together. */
  isSequence?: boolean
}

const MOD = keyName('Mod')
const SHIFT = keyName('Shift')
const ALT = keyName('Alt')

/** The shortcuts of the sprint view, by where they work. Keep in step with item-keys.ts. */
export const SHORTCUTS: { title: string; list: Shortcut[] }[] = [
  {
    title: 'In an item',
    list: [
      { keys: ['Enter'], does: 'New item below (splits the text at the caret)' },
      { keys: ['Backspace'], does: 'Remove the item, when it is empty' },
      { keys: ['Backspace'], does: 'At the start: join the item into the one above' },
      { keys: ['Tab'], does: 'Nest under the item above' },
      { keys: [SHIFT, 'Tab'], does: 'Un-nest (a top-level item: go to the previous control)' },
      {
        keys: ['Esc', 'Tab'],
        isSequence: true,
        does: `Leave the item for the next control (${SHIFT}+Tab: previous)`,
      },
      {
        keys: ['→ / ←'],
        does: 'The item’s status, owners and remove button (at the end / start of the text)',
      },
      { keys: [ALT, '↑ / ↓'], does: 'Move up or down in its list' },
      { keys: [ALT, SHIFT, '↑ / ↓'], does: 'Move to the previous or next section' },
      { keys: [MOD, SHIFT, 'M'], does: 'Move to another team or section…' },
      { keys: ['↑ / ↓'], does: 'Go to the previous or next item (at the start or end)' },
      { keys: [MOD, 'Enter'], does: 'Next status' },
      { keys: [MOD, 'click'], does: 'Open the link under the pointer' },
    ],
  },
  {
    title: 'Anywhere in the sprint',
    list: [
      { keys: [MOD, 'Z'], does: 'Undo your last change' },
      { keys: [MOD, SHIFT, 'Z'], does: 'Redo' },
      { keys: [ALT, 'Page Down / Up'], does: 'Next or previous section' },
      { keys: [ALT, SHIFT, 'Page Down / Up'], does: 'Next or previous team' },
      { keys: [MOD, 'K'], does: 'Jump to a team…' },
      { keys: ['F2'], does: 'The sprint’s title' },
      { keys: [MOD, 'E'], does: 'Show or hide the export panel' },
      { keys: [MOD, SHIFT, 'E'], does: 'Save the team’s comment as .md' },
      { keys: [MOD, SHIFT, 'C'], does: 'Copy the team comment' },
      { keys: [MOD, SHIFT, 'P'], does: 'Presentation mode' },
      { keys: [MOD, SHIFT, 'A'], does: 'Add a team' },
      { keys: ['Esc'], does: 'Leave a note field, or presentation mode' },
      { keys: ['?'], does: `This help (${MOD}+/ inside a text field)` },
    ],
  },
  {
    title: 'Meeting',
    list: [
      {
        keys: [MOD, SHIFT, 'K'],
        does: 'Open or close the meeting panel (agenda, plan check)',
      },
      { keys: [MOD, SHIFT, '.'], does: 'Next team' },
      { keys: [MOD, SHIFT, ','], does: 'Pause or resume the timer' },
      { keys: ['Esc'], does: 'Stop following someone (outside a text field)' },
    ],
  },
]
