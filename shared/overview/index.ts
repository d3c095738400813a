/**
 * The Sprint overview's figures, as pure functions: a sprint summarised to small plain data, and
 * the charts' rows (OKR grid, retro completion, load per person, trends across sprints), plus
 * their Markdown tables.
 */
export * from './summary'
export * from './metrics'
export { markdownTable, percent } from './markdown-table'
