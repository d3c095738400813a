/**
 * Polls `check` every 50 ms until it returns true; throws with `what` after `timeoutMs`. Plain
 * TypeScript (no test runner), so the benchmarks can use it as well as the tests.
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
