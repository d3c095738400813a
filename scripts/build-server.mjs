// Bundles the Sprintpad server with esbuild for plain Node (the Docker image runs this):
//   main/server/standalone.ts -> out/server/sprintpad-server.js (ES module)
// better-sqlite3 is a native module and stays external (node_modules/better-sqlite3 must be
// installed beside it); pg's optional native binding and ws' optional accelerators are not used.
import { build } from 'esbuild'
import { resolve } from 'node:path'
import process from 'node:process'

const root = resolve(import.meta.dirname, '..')

/** What the server bundle leaves to node_modules (shared with the CLI bundle). */
export const serverExternals = ['better-sqlite3', 'pg-native', 'bufferutil', 'utf-8-validate']

/** Bundled CommonJS dependencies (ws, pg, ioredis) call require(): give the ES module one. */
export const requireBanner =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"

if (process.argv[1] === import.meta.filename) {
  await build({
    absWorkingDir: root,
    entryPoints: ['main/server/standalone.ts'],
    outfile: resolve(root, 'out/server/sprintpad-server.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'info',
    external: serverExternals,
    banner: { js: requireBanner },
  })
}
