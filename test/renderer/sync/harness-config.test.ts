import { describe, expect, it } from 'vitest'
import { readHarnessConfig } from '../../../renderer/src/sync/harness/harness-config'

describe('readHarnessConfig', () => {
  it('gives the bare page one field unless the fragment asks for more', () => {
    const base = 'mode=bare&room=r&secret=s&s=ws://127.0.0.1:1'
    expect(readHarnessConfig(`#${base}`).fields).toBe(1)
    expect(readHarnessConfig(`#${base}&fields=200`).fields).toBe(200)
    expect(readHarnessConfig(`#${base}&fields=0`).fields).toBe(1)
    expect(readHarnessConfig(`#${base}&fields=x`).fields).toBe(1)
  })
})
