import fc from 'fast-check'

/**
 * Property tests (fast-check) run the same cases on every `npm test`, so the gate never turns red
 * by luck; a failure prints its seed and path to replay. `FC_SEED=random` explores new cases
 * (`npm run test:fuzz`), `FC_SEED=<n>` replays a run.
 */
const seed = process.env.FC_SEED
if (seed !== 'random') {
  const n = seed === undefined ? 20_261_128 : Number(seed)
  if (!Number.isInteger(n)) throw new Error(`FC_SEED must be an integer or "random", not ${seed}`)
  fc.configureGlobal({ seed: n })
}
