import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'test/shared/**/*.test.ts',
            'test/main/**/*.test.ts',
            'test/renderer/**/*.test.{ts,tsx}',
            'test/lint/**/*.test.ts',
            'test/bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          setupFiles: ['test/helpers/fast-check-seed.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // expect.poll waits 1 s by default: too short for IndexedDB and renders on a busy CI box.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
})
