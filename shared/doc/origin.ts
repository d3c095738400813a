/**
 * Transaction origins, from one place. Local edits use {@link LOCAL_ORIGIN} so that an
 * UndoManager tracking only it never reverts a colleague's change (remote updates arrive with the
 * provider's own origin).
 */
export const LOCAL_ORIGIN = Object.freeze({ name: 'sprintpad:local' })
/** Imports and carry-over: local, but not undone keystroke by keystroke. */
export const IMPORT_ORIGIN = Object.freeze({ name: 'sprintpad:import' })
/** Schema migrations: never undoable. */
export const MIGRATION_ORIGIN = Object.freeze({ name: 'sprintpad:migration' })

/** Tidying what concurrent edits left (duplicate re-prioritised copies): never undoable. */
export const TIDY_ORIGIN = Object.freeze({ name: 'sprintpad:tidy' })

/** Bookkeeping of the version history (who edits with which client id, restore notices): never undoable. */
export const HISTORY_ORIGIN = Object.freeze({ name: 'sprintpad:history' })
/** Running the planning meeting (agenda, timer, attendance): shared state, never undone. */
export const MEETING_ORIGIN = Object.freeze({ name: 'sprintpad:meeting' })

export type Origin =
  | typeof LOCAL_ORIGIN
  | typeof IMPORT_ORIGIN
  | typeof MIGRATION_ORIGIN
  | typeof TIDY_ORIGIN
  | typeof HISTORY_ORIGIN
  | typeof MEETING_ORIGIN
