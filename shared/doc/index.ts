/** The sprint document model over Yjs: schema accessors, mutations, readers, undo, migrations. */
export * from './schema'
export * from './origin'
export * from './status'
export * from './types'
export { compareOrdered, isValidOrderKey } from './order'
export { readSprint, readMeta, readTemplate, readExtraSections, type ExtraSection } from './read'
export {
  createSprint,
  setSprintMeta,
  setTemplate,
  updateTemplate,
  removeTemplateSection,
  type CreateSprintArgs,
  type SprintMetaPatch,
} from './sprint-mutations'
export {
  addTeam,
  addTeamIn,
  renameTeam,
  moveTeam,
  removeTeam,
  setSupportHeroes,
  setOffDuring,
  setMembers,
  addExtraSection,
  addExtraSectionIn,
  addOffDuringField,
  removeExtraSection,
  type AddTeamArgs,
  type AddExtraSectionArgs,
} from './team-mutations'
export {
  addGlobalSection,
  removeGlobalSection,
  renameGlobalSection,
  type AddGlobalSectionArgs,
} from './global-sections'
export {
  addItem,
  addItemIn,
  moveItem,
  indentItem,
  outdentItem,
  shiftItem,
  removeItem,
  joinItemInto,
  setItemText,
  editItemText,
  setItemStatus,
  setOwners,
  setItemTask,
  setItemGroup,
  setSectionNotes,
  editSectionNotes,
  notesTextIn,
  replaceText,
  type ItemPlace,
  type AddItemArgs,
} from './item-mutations'
export {
  BULLETS,
  listStyle,
  readListStyle,
  setListStyle,
  setListStyleIn,
  setChildListStyle,
} from './list-style'
export {
  setSectionForm,
  setSectionFormIn,
  type SectionForm,
  type SectionFormArgs,
} from './section-form'
export { snapshotItem, restoreItem, type ItemSnapshot } from './item-rescue'
export { inspectUpdateSchema } from './update-schema'
export { appendItemTree, appendItemTreeIn, lastOrderKeys, type ItemTreeInput } from './item-tree'
export { createUndoManager } from './undo'
export { migrate, schemaVersionOf } from './migrations'
export { change } from './transact'
export { newId } from './ids'
export * from './meeting-types'
export { readMeeting, readRunningTimer } from './read-meeting'
export {
  msSince,
  nowOnStampClock,
  stampNow,
  timerElapsedMs,
  timerRemainingMs,
  type PeerClock,
} from './meeting-timer'
export {
  setAgenda,
  setMeetingMinutes,
  startMeeting,
  goToTeam,
  pauseTimer,
  resumeTimer,
  addTimerTime,
  endMeeting,
  recordAttendees,
  type StartMeetingArgs,
} from './meeting-mutations'
