import { platform } from '../platform'

/**
 * The native features the editor uses, all through the platform (window.sprintpad in Electron,
 * browser fallbacks elsewhere: download for save, navigator.clipboard for copy, a file input for
 * open). One small module, so the editor has one seam to the outside.
 */

/** Copies text to the clipboard. Rejects with a readable message when refused. */
export function copyText(text: string): Promise<void> {
  return platform.copyText(text)
}

/** Saves Markdown as a .md file. Resolves false when the user cancelled. */
export async function saveMarkdown(args: {
  suggestedName: string
  text: string
}): Promise<boolean> {
  return (await platform.saveMarkdown(args)) !== null
}

/** Saves a .sprintpad file. Resolves false when the user cancelled. */
export async function saveSprintFile(args: {
  suggestedName: string
  bytes: Uint8Array
}): Promise<boolean> {
  return (await platform.saveSprint(args)) !== null
}

/** Lets the user pick a .sprintpad file; undefined when cancelled. */
export async function pickSprintFile(): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  return (await platform.openSprint()) ?? undefined
}

/** Lets the user pick a Markdown file; its text, or undefined when cancelled. */
export async function pickMarkdownFile(): Promise<string | undefined> {
  const files = await platform.importMarkdown()
  return files[0]?.text
}

/** Asks the browser to keep this origin's storage; resolves with the answer. */
export async function requestPersistentStorage(): Promise<
  'persistent' | 'best-effort' | 'unknown'
> {
  try {
    if (!navigator.storage?.persist) return 'unknown'
    if (await navigator.storage.persisted()) return 'persistent'
    return (await navigator.storage.persist()) ? 'persistent' : 'best-effort'
  } catch {
    return 'unknown'
  }
}
