/**
 * Sync, the pure parts: room ids and secrets, join links and short codes, the presence
 * (awareness) schema, the guard every remote message passes before it reaches a sprint document,
 * and how a room is named and opened on a Sprintpad server.
 */
export * from './room'
export * from './link'
export * from './server-auth'
export * from './presence'
export * from './guard'
export * from './guard-server'
export { filterAwarenessUpdate, type OwnPresence } from './awareness-guard'
export { encodeBase32, decodeBase32 } from './base32'
