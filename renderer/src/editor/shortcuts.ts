/** One keyboard shortcut of the sprint view, as the help dialog lists it. */
export interface Shortcut {
  keys: string[]
  does: string
  /** The keys are pressed one after the other, not together. */
  isSequence?: boolean
}

/** The shortcuts of the sprint view, by where they work. Keep in step with item-keys.ts. */
export const SHORTCUTS: { title: string; list: Shortcut[] }[] = [
  {
    title: 'In an item',
    list: [
      { keys: ['Enter'], does: 'New item below (splits the text at the caret)' },
      { keys: ['Backspace'], does: 'Remove the item, when it is empty' },
      { keys: ['Backspace'], does: 'At the start: join the item into the one above' },
      { keys: ['Tab'], does: 'Nest under the item above' },
      { keys: ['Shift', 'Tab'], does: 'Un-nest' },
      {
        keys: ['Esc', 'Tab'],
        isSequence: true,
        does: 'Leave the item for the next control (Shift+Tab: previous)',
      },
      { keys: ['Alt', '↑ / ↓'], does: 'Move up or down in its list' },
      { keys: ['Alt', 'Shift', '↑ / ↓'], does: 'Move to the previous or next section' },
      { keys: ['Ctrl/Cmd', 'Shift', 'M'], does: 'Move to another team or section…' },
      { keys: ['↑ / ↓'], does: 'Go to the previous or next item (at the start or end)' },
      { keys: ['Ctrl/Cmd', 'Enter'], does: 'Next status' },
    ],
  },
  {
    title: 'Anywhere in the sprint',
    list: [
      { keys: ['Ctrl/Cmd', 'Z'], does: 'Undo your last change' },
      { keys: ['Ctrl/Cmd', 'Shift', 'Z'], does: 'Redo' },
      { keys: ['Ctrl/Cmd', 'E'], does: 'Show or hide the export panel' },
      { keys: ['Ctrl/Cmd', 'Shift', 'C'], does: 'Copy the team comment' },
      { keys: ['Ctrl/Cmd', 'Shift', 'P'], does: 'Presentation mode' },
      { keys: ['Ctrl/Cmd', 'Shift', 'A'], does: 'Add a team' },
      { keys: ['Esc'], does: 'Leave a note field' },
      { keys: ['?'], does: 'This help (Ctrl/Cmd+/ inside a text field)' },
    ],
  },
  {
    title: 'Meeting',
    list: [
      {
        keys: ['Ctrl/Cmd', 'Shift', 'K'],
        does: 'Open or close the meeting panel (agenda, plan check)',
      },
      { keys: ['Ctrl/Cmd', 'Shift', '.'], does: 'Next team' },
      { keys: ['Ctrl/Cmd', 'Shift', ','], does: 'Pause or resume the timer' },
      { keys: ['Esc'], does: 'Stop following someone (outside a text field)' },
    ],
  },
]
