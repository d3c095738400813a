import { describe, expect, it } from 'vitest'
import { readHarnessConfig } from '../../../renderer/src/sync/harness/harness-config'
import { storeDbName } from '../../../renderer/src/sync/harness/store-peer'

describe('the sync harness page configuration', () => {
  it('reads the storage benchmark’s store mode, its database named after the room', () => {
    const config = readHarnessConfig('#mode=store&room=bench0-17')
    expect(config.mode).toBe('store')
    expect(config.signaling).toEqual([])
    expect(storeDbName(config.room)).toBe('harness-store-bench0-17')
  })

  it('falls back to the app peer for an unknown mode, and refuses a bad signaling address', () => {
    expect(readHarnessConfig('#mode=stored').mode).toBe('app')
    expect(() => readHarnessConfig('#mode=store&s=http://x')).toThrow(/ws:\/\//)
  })

  it('gives the bare page one field unless the fragment asks for more', () => {
    const base = 'mode=bare&room=r&secret=s&s=ws://127.0.0.1:1'
    expect(readHarnessConfig(`#${base}`).fields).toBe(1)
    expect(readHarnessConfig(`#${base}&fields=200`).fields).toBe(200)
    expect(readHarnessConfig(`#${base}&fields=0`).fields).toBe(1)
    expect(readHarnessConfig(`#${base}&fields=x`).fields).toBe(1)
  })
})
