/**
 * What sync shows inside an open sprint (the sync bar, who edits an item, who is in a team, the
 * meeting's presence): a chunk of its own, loaded with the sprint view (see `sync-extensions`).
 */
export { SprintSyncBar } from './SprintSyncBar'
export { ItemPresence } from './ItemPresence'
export { TeamPresenceHere } from './TeamPresenceHere'
export { meetingPresenceStore } from './meeting-presence-store'
