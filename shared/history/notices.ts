import type * as Y from 'yjs'
import { z } from 'zod'
import { restoresArray } from '../doc/schema'
import { HISTORY_ORIGIN } from '../doc/origin'
import { change } from '../doc/transact'

/** A restore from the history, as every peer sees it announced. */
export const restoreNoticeSchema = z.object({
  at: z.number().finite(),
  clientId: z.number().int().nonnegative(),
  name: z.string().max(200),
  /** What was restored: a team's name, or the whole sprint. */
  scope: z.string().max(300),
  /** When the checkpoint restored to was taken (ms since the epoch). */
  checkpointAt: z.number().finite(),
})

export type RestoreNotice = z.infer<typeof restoreNoticeSchema>

/**
 * Appends a restore notice to the sprint (history origin: not undone with the restore, so the
 * record of it stays). Peers observing the `restores` array tell their user.
 */
export function announceRestore(doc: Y.Doc, notice: RestoreNotice): void {
  change(doc, () => restoresArray(doc).push([{ ...notice }]), HISTORY_ORIGIN)
}

/** Every readable restore notice, oldest first; malformed entries are skipped. */
export function readRestores(doc: Y.Doc): RestoreNotice[] {
  const out: RestoreNotice[] = []
  for (const v of restoresArray(doc).toArray()) {
    const parsed = restoreNoticeSchema.safeParse(v)
    if (parsed.success) out.push(parsed.data)
  }
  return out
}
