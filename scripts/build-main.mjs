// Bundles the main process and the preload with esbuild:
//   main/main.ts    -> out/main/main.js     (ES module, Electron's Node)
//   main/preload.ts -> out/main/preload.cjs (CommonJS: sandboxed preloads cannot be ES modules)
// `electron` stays external (it is provided by the runtime). scripts/dev.mjs imports `targets`
// to rebuild on change.
import { build } from 'esbuild'
import { resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
  // ws' optional native accelerators are not shipped; ws falls back to JavaScript without them.
  external: ['electron', 'bufferutil', 'utf-8-validate'],
}

/** @type {import('esbuild').BuildOptions[]} */
export const targets = [
  {
    ...common,
    entryPoints: ['main/main.ts'],
    outfile: 'out/main/main.js',
    format: 'esm',
    // Bundled CommonJS dependencies (ws) call require(); give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  },
  {
    ...common,
    entryPoints: ['main/preload.ts'],
    outfile: 'out/main/preload.cjs',
    format: 'cjs',
    platform: 'browser',
    target: 'chrome130',
  },
]

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await Promise.all(targets.map((options) => build(options)))
}
