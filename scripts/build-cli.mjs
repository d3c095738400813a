// Bundles the command-line tool with esbuild:
//   main/cli/sprintpad.ts -> out/cli/sprintpad.js (ES module for plain Node, with a shebang;
//   better-sqlite3, used by `sprintpad serve`, stays in node_modules)
// so that `node out/cli/sprintpad.js …` (and the package's `sprintpad` bin) runs without tsx.
import { build } from 'esbuild'
import { chmod } from 'node:fs/promises'
import { resolve } from 'node:path'
import { requireBanner, serverExternals } from './build-server.mjs'

const root = resolve(import.meta.dirname, '..')
const outfile = resolve(root, 'out/cli/sprintpad.js')

await build({
  absWorkingDir: root,
  entryPoints: ['main/cli/sprintpad.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'info',
  // `sprintpad serve` bundles the server too: the same externals and require() shim.
  external: serverExternals,
  banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
})
await chmod(outfile, 0o755)
