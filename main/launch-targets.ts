import { isAbsolute, resolve } from 'node:path'
import { LINK_SCHEME } from './app-origin'
import { isOpenablePath } from './opened-file'

const MAX_LINK_LENGTH = 4096

/**
 * Parses a `sprintpad://` link and returns its normalised form, or `null` for anything else
 * (other schemes, no host, credentials, control characters, over-long links). What a link means is the
 * sync feature's business; main only checks it and hands it to the renderer.
 */
export function parseSprintpadLink(raw: string): string | null {
  if (raw.length > MAX_LINK_LENGTH || /[\s\p{Cc}]/u.test(raw)) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  if (url.protocol !== `${LINK_SCHEME}:` || url.host === '') return null
  if (url.username !== '' || url.password !== '') return null
  return url.href
}

/** Files and links the app was launched with (or a second instance was launched with). */
export interface LaunchTargets {
  files: string[]
  links: string[]
}

/**
 * Picks the files to open and the links to deliver out of a command line. Flags (`-x`,
 * `--x=y`) are skipped, relative paths resolve against `cwd`, and only .sprintpad/Markdown files
 * count, so the executable and the app path (`electron .`) are never taken for documents.
 */
export function findLaunchTargets(argv: readonly string[], cwd: string): LaunchTargets {
  const targets: LaunchTargets = { files: [], links: [] }
  for (const arg of argv) {
    if (arg.startsWith('-')) continue
    if (arg.toLowerCase().startsWith(`${LINK_SCHEME}:`)) {
      const link = parseSprintpadLink(arg)
      if (link !== null) targets.links.push(link)
      continue
    }
    if (isOpenablePath(arg)) targets.files.push(isAbsolute(arg) ? arg : resolve(cwd, arg))
  }
  return targets
}
