import { describe, expect, it } from 'vitest'
import { changedParts } from '../../../shared/history'

const part = (key: string, hash: string, label = key) => ({ key, label, hash })

describe('which parts changed between two checkpoints', () => {
  it('lists changed, added and removed parts, in order', () => {
    const before = {
      parts: [part('sprint', 's1'), part('team:a', 'a1', 'A'), part('team:b', 'b1', 'B')],
    }
    const after = {
      parts: [part('sprint', 's1'), part('team:c', 'c1', 'C'), part('team:a', 'a2', 'A')],
    }
    expect(changedParts(before, after)).toEqual([
      { key: 'team:c', label: 'C', before: '', after: 'c1' },
      { key: 'team:a', label: 'A', before: 'a1', after: 'a2' },
      { key: 'team:b', label: 'B', before: 'b1', after: '' },
    ])
  })

  it('counts every part of the first checkpoint as changed', () => {
    expect(changedParts(undefined, { parts: [part('sprint', 's1')] })).toEqual([
      { key: 'sprint', label: 'sprint', before: '', after: 's1' },
    ])
  })
})
