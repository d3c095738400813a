/**
 * Meeting mode, the pure parts: clock offsets between laptops and countdown arithmetic, the agenda
 * order, the plan check (what a team's comment still lacks), what changed during a meeting, and
 * the meeting summary as Markdown. The meeting's document fields and mutations are in shared/doc.
 */
export * from './clock'
export * from './countdown'
export * from './agenda'
export * from './plan-check'
export { offWholeSprint, type TimeOff } from './time-off'
export * from './changes'
export * from './summary'
