import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * y-webrtc is used with one fix, in patches/y-webrtc+10.3.0.patch (applied by `patch-package` on
 * `npm install` / `npm ci`): of two peers, only the smaller peer id makes WebRTC offers, so two
 * peers announcing themselves at once never both make one (glare left such pairs stuck). The
 * end-to-end test "keeps syncing when both drop their link at the same moment" shows it working;
 * this one says plainly when the installed copy is not patched.
 */
describe('y-webrtc as installed', () => {
  it('carries the Sprintpad patch (run npm install if not)', () => {
    const dir = resolve(import.meta.dirname, '../../../node_modules/y-webrtc')
    const pkg = resolve(dir, 'package.json')
    const source = readFileSync(resolve(dir, 'src/y-webrtc.js'), 'utf8')
    expect(source).toContain('Sprintpad patch: of two peers, only the one with the smaller peer id')
    expect(JSON.parse(readFileSync(pkg, 'utf8')).version).toBe('10.3.0')
  })
})
