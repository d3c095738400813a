import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../main/app-protocol'
import { buildCsp } from '../../main/csp'
import { contentTypeOf, resolveAppPath } from '../../main/protocol-path'

const ROOT = '/srv/renderer'

describe('resolveAppPath', () => {
  it('maps app://sprintpad paths into the root', () => {
    expect(resolveAppPath(ROOT, 'app://sprintpad/')).toEqual({
      kind: 'file',
      path: '/srv/renderer/index.html',
      isSpaRoute: true,
    })
    expect(resolveAppPath(ROOT, 'app://sprintpad/assets/index-abc.js')).toEqual({
      kind: 'file',
      path: '/srv/renderer/assets/index-abc.js',
      isSpaRoute: false,
    })
    expect(resolveAppPath(ROOT, 'app://sprintpad/sprint/x1?tab=2#t')).toMatchObject({
      kind: 'file',
      isSpaRoute: true,
    })
  })

  it.each([
    'app://sprintpad/assets/..%2f..%2fetc%2fpasswd',
    'app://sprintpad/a%5c..%5c..%5csecret',
    'app://sprintpad/index.html%00.png',
    'app://sprintpad/%E0%A4%A',
    'app://other/index.html',
    'file:///srv/renderer/index.html',
    'https://sprintpad/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(ROOT, url).kind).toBe('refused')
  })

  it('keeps URL-normalised dot segments inside the root', () => {
    // The URL parser resolves `..` and `%2e%2e` segments before we see the path: they can climb
    // at most to the root itself.
    expect(resolveAppPath(ROOT, 'app://sprintpad/assets/%2E%2E/%2E%2E/etc/passwd')).toMatchObject({
      kind: 'file',
      path: '/srv/renderer/etc/passwd',
    })
    expect(resolveAppPath(ROOT, 'app://sprintpad/../../secret.txt')).toMatchObject({
      path: '/srv/renderer/secret.txt',
    })
  })

  it('knows the content types Vite emits', () => {
    expect(contentTypeOf('/a/index.html')).toBe('text/html; charset=utf-8')
    expect(contentTypeOf('/a/x.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('/a/x.unknown')).toBe('application/octet-stream')
  })
})

describe('createAppProtocolHandler', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sprintpad-protocol-'))
    await mkdir(join(dir, 'renderer/assets'), { recursive: true })
    await writeFile(join(dir, 'renderer/index.html'), '<!doctype html><title>Sprintpad</title>')
    await writeFile(join(dir, 'renderer/assets/app.js'), 'console.log(1)')
    await writeFile(join(dir, 'secret.txt'), 'do not serve')
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const handler = (): ((request: Request) => Promise<Response>) =>
    createAppProtocolHandler(join(dir, 'renderer'), buildCsp())

  it('serves files with the CSP and nosniff', async () => {
    const response = await handler()(new Request('app://sprintpad/assets/app.js'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(buildCsp())
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    const route = await handler()(new Request('app://sprintpad/sprint/abc'))
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('<title>Sprintpad</title>')
    const missing = await handler()(new Request('app://sprintpad/assets/missing.js'))
    expect(missing.status).toBe(404)
  })

  it('refuses traversal out of the root', async () => {
    const response = await handler()(new Request('app://sprintpad/assets/..%2f..%2fsecret.txt'))
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('do not serve')
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(new Request('app://sprintpad/', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
  })
})
