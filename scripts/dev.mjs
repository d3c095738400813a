// `npm run dev`: the renderer from the Vite dev server (hot reload), the main process and preload
// rebuilt by esbuild on change, and Electron restarted when they change. Needs the Electron binary.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import console from 'node:console'
import process from 'node:process'
import { clearTimeout, setTimeout } from 'node:timers'
import { context } from 'esbuild'
import { createServer } from 'vite'
import { targets } from './build-main.mjs'

const root = resolve(import.meta.dirname, '..')

/** The Electron binary's path, or exits with a message saying how to get it. */
function electronBinary() {
  try {
    // The `electron` package exports the path of its binary and throws when it was not downloaded.
    return createRequire(import.meta.url)('electron')
  } catch (error) {
    console.error(
      [
        'npm run dev needs the Electron binary, which is not installed here:',
        `  ${error instanceof Error ? error.message : String(error)}`,
        'Install it on a machine with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD):',
        '  rm -rf node_modules/electron && npm install',
        'or run only the renderer in a browser with `npm run dev:web`.',
      ].join('\n'),
    )
    process.exit(1)
  }
}

const binary = electronBinary()
const vite = await createServer({ configFile: resolve(root, 'renderer/vite.config.ts') })
await vite.listen()
const url = vite.resolvedUrls?.local[0]
if (!url) throw new Error('the Vite dev server did not report a URL')
console.log(`renderer: ${url}`)

let electron = null
let isStopping = false

function launch() {
  electron = spawn(binary, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SPRINTPAD_DEV_SERVER_URL: url },
  })
  const self = electron
  self.on('exit', () => {
    // The user closed the app (not a restart): stop everything.
    if (electron === self && !isStopping) void stop()
  })
}

/** Restarts Electron; one instance at a time, because the app holds a single-instance lock. */
function relaunch() {
  const previous = electron
  electron = null
  if (previous && previous.exitCode === null) {
    previous.once('exit', launch)
    previous.kill()
  } else {
    launch()
  }
}

// Rebuild main and preload on change; (re)launch Electron once both builds of a round are done.
let pending = targets.length
let timer
const contexts = await Promise.all(
  targets.map((options) =>
    context({
      ...options,
      plugins: [
        {
          name: 'relaunch-electron',
          setup(build) {
            build.onEnd((result) => {
              if (result.errors.length > 0) return
              pending = Math.max(0, pending - 1)
              if (pending > 0) return
              clearTimeout(timer)
              timer = setTimeout(relaunch, 200)
            })
          },
        },
      ],
    }),
  ),
)
await Promise.all(contexts.map((ctx) => ctx.watch()))

async function stop() {
  isStopping = true
  electron?.kill()
  await Promise.all(contexts.map((ctx) => ctx.dispose()))
  await vite.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
