import { runServer } from './cli'

/**
 * `npm run server -- --port 4455 --data ./sprintpad-data`: the always-on Sprintpad server (see
 * cli.ts for the options). Logs are JSON lines on stdout.
 */
const result = await runServer(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
})
if (result !== 'running') process.exitCode = result
