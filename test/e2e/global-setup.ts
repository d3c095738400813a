import { build } from 'vite'
import { resolve } from 'node:path'

/**
 * Builds the renderer once before the end-to-end tests, so they run against the real production
 * bundle (out/renderer), exactly what Electron loads.
 */
export default async function setup(): Promise<void> {
  if (process.env.SPRINTPAD_SKIP_BUILD === '1') return
  await build({
    configFile: resolve(import.meta.dirname, '../../renderer/vite.config.ts'),
    logLevel: 'warn',
  })
}
