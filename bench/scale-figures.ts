import { latencies, type FieldMarks, type Latencies, type Marks } from './sync-probe'

/**
 * The arithmetic of the scale benchmark (scale.bench.ts), apart from the browsers so it can be
 * tested: every peer types into its own fields and receives everybody else's.
 */
export interface PeerMarks {
  /** The keys of the fields this peer typed into. */
  own: readonly string[]
  marks: FieldMarks
}

/** The first time a field showed at least `length` characters (written or painted), or NaN. */
function firstAt(marks: FieldMarks, key: string, length: number): number {
  const shown = [...(marks.written[key] ?? []), ...(marks.framed[key] ?? [])]
  return Math.min(...shown.filter(([n]) => n >= length).map(([, at]) => at), Infinity)
}

/**
 * From the last keystroke on any peer to the moment the last peer showed every other peer's
 * field at its final length: `ms`, with each peer's own moment (`converged`, page clock). NaN
 * where a peer never showed a field complete.
 */
export function convergence(
  peers: readonly PeerMarks[],
  finalLengths: Readonly<Record<string, number>>,
): { lastEdit: number; converged: number[]; ms: number } {
  const lastEdit = Math.max(
    ...peers.flatMap((p) => p.own.map((k) => p.marks.typed[k]?.at(-1)?.[1] ?? -Infinity)),
  )
  const converged = peers.map((p) => {
    let at = -Infinity
    for (const q of peers) {
      if (q === p) continue
      for (const k of q.own) {
        const t = firstAt(p.marks, k, finalLengths[k] ?? Infinity)
        at = Math.max(at, Number.isFinite(t) ? t : NaN)
      }
    }
    return at
  })
  return { lastEdit, converged, ms: Math.max(...converged) - lastEdit }
}

function merge(parts: readonly Latencies[]): Latencies {
  return {
    sorted: parts.flatMap((p) => p.sorted).sort((a, b) => a - b),
    merged: parts.reduce((n, p) => n + p.merged, 0),
  }
}

/**
 * Keystroke → remote field latencies, grouped two ways: `byTypist[i]`, peer i's keystrokes as
 * every other peer wrote them into its field; `byReceiver[j]`, everybody else's keystrokes as
 * peer j wrote them. `startLengths` are the fields' lengths before typing began.
 */
export function latenciesByPeer(
  peers: readonly PeerMarks[],
  startLengths: Readonly<Record<string, number>>,
): { byTypist: Latencies[]; byReceiver: Latencies[] } {
  const pair = (typist: PeerMarks, receiver: PeerMarks): Latencies[] =>
    typist.own.map((k) => {
      const typed: Marks = typist.marks.typed[k] ?? []
      const start = startLengths[k] ?? 0
      const end = Math.max(start, ...typed.map(([n]) => n))
      return latencies(typed, [receiver.marks.written[k] ?? []], start, end - start)
    })
  const others = (p: PeerMarks): PeerMarks[] => peers.filter((q) => q !== p)
  return {
    byTypist: peers.map((t) => merge(others(t).flatMap((r) => pair(t, r)))),
    byReceiver: peers.map((r) => merge(others(r).flatMap((t) => pair(t, r)))),
  }
}
