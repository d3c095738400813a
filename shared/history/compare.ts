import type { Checkpoint, CheckpointPart } from './types'

/** A part that differs between two checkpoints: its hashes before and after (`''`: absent). */
export interface PartChange {
  key: string
  label: string
  before: string
  after: string
}

/**
 * The parts of `after` whose content differs from `before` (every part when there is no
 * `before`), then the parts `before` had and `after` has not (a team removed), labelled as they
 * were. Order: the sprint part, then teams in `after`'s order, then removed teams.
 */
export function changedParts(
  before: Pick<Checkpoint, 'parts'> | undefined,
  after: Pick<Checkpoint, 'parts'>,
): PartChange[] {
  const old = new Map((before?.parts ?? []).map((p): [string, CheckpointPart] => [p.key, p]))
  const now = new Set(after.parts.map((p) => p.key))
  const out: PartChange[] = []
  for (const p of after.parts) {
    const was = old.get(p.key)?.hash ?? ''
    if (was !== p.hash) out.push({ key: p.key, label: p.label, before: was, after: p.hash })
  }
  for (const p of before?.parts ?? []) {
    if (!now.has(p.key)) out.push({ key: p.key, label: p.label, before: p.hash, after: '' })
  }
  return out
}
