import { describe, expect, it } from 'vitest'
import { decisionOf, withoutDecision } from '../../../shared/doc'
import { withDecision } from '../../../shared/markdown/status-text'

describe('hang-over decision words in item text', () => {
  it('reads a decision set off by punctuation, a dash or brackets', () => {
    expect(decisionOf('Replay the DLQ from March. prioritised')).toBe('reprioritised')
    expect(decisionOf('Grouping by fingerprint - prioritised')).toBe('reprioritised')
    expect(decisionOf('Assign to groups – deprioritised')).toBe('deprioritised')
    expect(decisionOf('Broker latency: Re-prioritized')).toBe('reprioritised')
    expect(decisionOf('Ask PM (deprioritised)')).toBe('deprioritised')
    expect(decisionOf('Foo -- prioritised.')).toBe('reprioritised')
  })

  it('leaves words that are part of the sentence, and a bare word, alone', () => {
    for (const text of [
      'Decide whether to deprioritise',
      'What we prioritised',
      'Prioritise',
      'Item 1. prioritised/deprioritise',
      '',
    ]) {
      expect(decisionOf(text), text).toBeUndefined()
      expect(withoutDecision(text), text).toBe(text)
    }
  })

  it('takes the word off with its separator, keeping a full stop', () => {
    expect(withoutDecision('Replay the DLQ from March. prioritised')).toBe(
      'Replay the DLQ from March.',
    )
    expect(withoutDecision('Grouping by fingerprint - prioritised')).toBe('Grouping by fingerprint')
    expect(withoutDecision('Foo -- prioritised')).toBe('Foo')
    expect(withoutDecision('Ask PM (deprioritised)')).toBe('Ask PM')
  })

  it('writes the decision, and never drops words of an undecided item', () => {
    expect(withDecision('Replay the DLQ from March.', 'reprioritised')).toBe(
      'Replay the DLQ from March. prioritised',
    )
    expect(withDecision('Grouping', 'deprioritised')).toBe('Grouping - deprioritised')
    expect(withDecision('Grouping - prioritised', 'deprioritised')).toBe('Grouping - deprioritised')
    expect(withDecision('Decide whether to deprioritise', 'undecided')).toBe(
      'Decide whether to deprioritise',
    )
    expect(withDecision('Grouping - prioritised', 'undecided')).toBe('Grouping - prioritised')
    expect(withDecision('Decide whether to deprioritise', 'reprioritised')).toBe(
      'Decide whether to deprioritise - prioritised',
    )
  })
})
