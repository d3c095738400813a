import { describe, expect, it } from 'vitest'
import { convergence, latenciesByPeer, type PeerMarks } from '../../bench/scale-figures'

/** Three peers, each typing two keys into its own field `a`, `b`, `c` (starting empty). */
function meshMarks(): PeerMarks[] {
  return [
    {
      own: ['a'],
      marks: {
        typed: {
          a: [
            [1, 100],
            [2, 110],
          ],
        },
        written: {
          b: [
            [1, 105],
            [2, 125],
          ],
          c: [[2, 140]],
        },
        framed: { b: [[2, 130]], c: [[2, 150]] },
      },
    },
    {
      own: ['b'],
      marks: {
        typed: {
          b: [
            [1, 101],
            [2, 120],
          ],
        },
        written: {
          a: [
            [1, 103],
            [2, 112],
          ],
          c: [
            [1, 131],
            [2, 133],
          ],
        },
        framed: {},
      },
    },
    {
      own: ['c'],
      marks: {
        typed: {
          c: [
            [1, 115],
            [2, 130],
          ],
        },
        written: { a: [[2, 160]] },
        framed: { a: [[2, 145]], b: [[2, 128]] },
      },
    },
  ]
}

describe('convergence', () => {
  it('runs from the last keystroke anywhere to the last peer showing every other field complete', () => {
    const c = convergence(meshMarks(), { a: 2, b: 2, c: 2 })
    expect(c.lastEdit).toBe(130)
    // Peer 0 last completes c at 140 (written before framed), peer 1 c at 133, peer 2 a at 145
    // (painted before a later write) and b at 128.
    expect(c.converged).toEqual([140, 133, 145])
    expect(c.ms).toBe(15)
  })

  it('is NaN when a peer never showed a field complete', () => {
    expect(convergence(meshMarks(), { a: 3, b: 2, c: 2 }).ms).toBeNaN()
  })
})

describe('latenciesByPeer', () => {
  it("pairs each peer's keystrokes with every other peer's writes, by typist and by receiver", () => {
    const { byTypist, byReceiver } = latenciesByPeer(meshMarks(), { a: 0, b: 0, c: 0 })
    // a typed at 100, 110: peer 1 wrote 103, 112; peer 2 wrote both at 160 (one merged).
    expect(byTypist[0]).toEqual({ sorted: [2, 3, 50, 60], merged: 1 })
    // b typed at 101, 120: peer 0 wrote 105, 125; peer 2 never wrote b (only painted it).
    expect(byTypist[1]).toEqual({ sorted: [4, 5], merged: 0 })
    // Peer 0 received b (4, 5) and c (typed 115, 130, both written at 140: 25 merged, 10).
    expect(byReceiver[0]).toEqual({ sorted: [4, 5, 10, 25], merged: 1 })
  })
})
