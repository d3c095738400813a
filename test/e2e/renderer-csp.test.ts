import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../main/app-protocol'
import { buildCsp } from '../../main/csp'
import { launchProfile, type Profile } from '../helpers/chromium'
import { RENDERER_DIST } from '../helpers/static-server'

/*
 * The production renderer (out/renderer, built by the global setup) under the production CSP,
 * served by main's own protocol handler (bridged to HTTP on 127.0.0.1): the app must start
 * without a single CSP violation, so the policy and the bundle stay compatible.
 */

interface Violation {
  directive: string
  blocked: string
  sourceFile: string
  line: number
  column: number
}

/**
 * zod 4 probes `Function('')` (caught) to pick its JIT parser. renderer/src/platform sets zod to
 * jitless, which removes the probe once the app imports the platform; until then the probe is
 * the one tolerated report, identified by its exact place in the bundle.
 */
async function isZodEvalProbe(violation: Violation): Promise<boolean> {
  if (violation.directive !== 'script-src' || violation.blocked !== 'eval') return false
  const source = await (await fetch(violation.sourceFile)).text()
  const line = source.split('\n')[violation.line - 1] ?? ''
  const around = line.slice(Math.max(0, violation.column - 40), violation.column + 40)
  return /try\{return Function\(``\),!0\}catch\{return!1\}/.test(around)
}

let server: Server
let origin = ''
let profile: Profile

beforeAll(async () => {
  const handle = createAppProtocolHandler(RENDERER_DIST, buildCsp())
  server = createServer((req, res) => {
    void (async () => {
      // Same path, app origin: exactly what protocol.handle would be asked.
      const response = await handle(new Request(`app://sprintpad${req.url ?? '/'}`))
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    })()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  profile = await launchProfile()
})

afterAll(async () => {
  await profile?.remove()
  await new Promise((ok) => {
    server?.closeAllConnections()
    server?.close(ok)
  })
})

describe('renderer under the production CSP', () => {
  it('starts and shows the sprints screen without CSP violations', async () => {
    const page = await profile.context.newPage()
    const reports: Violation[] = []
    await page.exposeFunction('reportViolation', (violation: Violation) => reports.push(violation))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation: (v: unknown) => void })
          .reportViolation
        report({
          directive: event.violatedDirective,
          blocked: event.blockedURI,
          sourceFile: event.sourceFile,
          line: event.lineNumber,
          column: event.columnNumber,
        })
      })
    })
    const response = await page.goto(`${origin}/`)
    expect(response?.headers()['content-security-policy']).toBe(buildCsp())
    await page.getByRole('button', { name: 'New sprint' }).first().waitFor({ timeout: 20_000 })
    const violations: string[] = []
    for (const report of reports) {
      if (!(await isZodEvalProbe(report))) violations.push(JSON.stringify(report))
    }
    expect(violations).toEqual([])
  })
})
