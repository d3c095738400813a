import { SprintFileError } from '../../../shared/file/errors'

const IPC_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/

/**
 * The message main meant: Electron prefixes errors thrown by an IPC handler with
 * "Error invoking remote method '<channel>': <Name>: ", which is noise for the user.
 */
export function ipcErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(IPC_PREFIX, '')
}

/** Runs a bridge call and rethrows its failure as an `Error` with the clean message. */
export async function withCleanErrors<T>(call: Promise<T>): Promise<T> {
  try {
    return await call
  } catch (error) {
    throw new Error(ipcErrorMessage(error), { cause: error })
  }
}

/**
 * What to tell the user about a failure: a bad `.sprintpad` file in words (its precise message
 * stays on the error), anything else by its message without the IPC noise.
 */
export function errorText(error: unknown): string {
  if (error instanceof SprintFileError) return error.userMessage
  return ipcErrorMessage(error)
}
