/* The file format's errors, apart from the format itself: the app's first screen names them without
 * loading Yjs or the hashes. */

/** What is wrong with a file: not ours, damaged (cut short, altered), or of another format. */
export type SprintFileProblem = 'notSprintpad' | 'damaged' | 'newerFormat' | 'olderFormat'

/**
 * Thrown when bytes are not a readable `.sprintpad` file. `message` says precisely what is wrong
 * (for the CLI and logs); {@link SprintFileError.userMessage} says it for a person in the app.
 */
export class SprintFileError extends Error {
  override name = 'SprintFileError'
  readonly problem: SprintFileProblem
  readonly version: number | undefined

  constructor(problem: SprintFileProblem, message: string, version?: number) {
    super(message)
    this.problem = problem
    this.version = version
  }

  get userMessage(): string {
    switch (this.problem) {
      case 'notSprintpad':
        return 'This is not a Sprintpad file.'
      case 'damaged':
        return 'This Sprintpad file is damaged (cut short or changed since it was saved). Nothing was changed.'
      case 'newerFormat':
        return `This file was saved by a newer Sprintpad (format ${this.version ?? '?'}). Update Sprintpad to open it.`
      case 'olderFormat':
        return `This file uses an old Sprintpad format (${this.version ?? '?'}) that this version cannot read.`
    }
  }
}
