/** The renderer ↔ main contract: channel names, request schemas, response and bridge types. */
export * from './contract'
export * from './schemas'
export * from './types'
export * from './bridge'
