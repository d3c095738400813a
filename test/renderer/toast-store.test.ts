import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ERROR_MS, INFO_MS, RESUME_MS, ToastStore } from '../../renderer/src/app/toast-store'
import { importedMessage } from '../../renderer/src/app/toast'

const messages = (s: ToastStore): string[] => s.store.getSnapshot().map((t) => t.message)

describe('ToastStore', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('expires every toast, errors later than the rest', () => {
    const s = new ToastStore()
    s.show({ message: 'Copied' })
    s.show({ message: 'Backup failed', isError: true })
    vi.advanceTimersByTime(INFO_MS)
    expect(messages(s)).toEqual(['Backup failed'])
    vi.advanceTimersByTime(ERROR_MS - INFO_MS - 1)
    expect(messages(s)).toEqual(['Backup failed'])
    vi.advanceTimersByTime(1)
    expect(messages(s)).toEqual([])
  })

  it('shows one error at a time: a new one replaces the old', () => {
    const s = new ToastStore()
    s.show({ message: 'Deleted A', action: { label: 'Undo', run: () => undefined } })
    s.show({ message: 'Could not open the file', isError: true })
    s.show({ message: 'Copy failed', isError: true })
    expect(messages(s)).toEqual(['Deleted A', 'Copy failed'])
    // The replaced error's countdown is gone with it: the new one gets its full time.
    vi.advanceTimersByTime(ERROR_MS - 1)
    expect(messages(s)).toEqual(['Copy failed'])
  })

  it('does not stack a message already showing, and restarts its countdown', () => {
    const s = new ToastStore()
    const first = s.show({ message: 'Drop a Markdown file', isError: true })
    vi.advanceTimersByTime(ERROR_MS - 1000)
    expect(s.show({ message: 'Drop a Markdown file', isError: true })).toBe(first)
    s.show({ message: 'Copied' }, 3000)
    s.show({ message: 'Copied' }, 3000)
    expect(messages(s)).toEqual(['Drop a Markdown file', 'Copied'])
    vi.advanceTimersByTime(ERROR_MS - 1)
    expect(messages(s)).toEqual(['Drop a Markdown file'])
  })

  it('keeps every Undo toast: each undoes its own step', () => {
    const s = new ToastStore()
    const undone: string[] = []
    const expired: string[] = []
    const removed = (name: string) => ({
      message: `Removed ${name}`,
      action: { label: 'Undo', run: () => undone.push(name) },
      onExpire: () => expired.push(name),
    })
    const a = s.show(removed('Growth'))
    s.show(removed('Growth'))
    expect(messages(s)).toEqual(['Removed Growth', 'Removed Growth'])
    s.act(a)
    expect(undone).toEqual(['Growth'])
    vi.advanceTimersByTime(INFO_MS)
    expect(expired).toEqual(['Growth'])
    expect(messages(s)).toEqual([])
  })

  it('calls onExpire when a toast goes unused (expired, dismissed, replaced), never after act', () => {
    const s = new ToastStore()
    const expired: string[] = []
    const err = (m: string) => ({ message: m, isError: true, onExpire: () => expired.push(m) })
    s.show(err('one'))
    s.show(err('two'))
    expect(expired).toEqual(['one'])
    s.dismiss(s.store.getSnapshot()[0]?.id ?? 0, true)
    expect(expired).toEqual(['one', 'two'])
    const id = s.show({ message: 'Deleted', onExpire: () => expired.push('Deleted') })
    s.act(id)
    vi.advanceTimersByTime(ERROR_MS)
    expect(expired).toEqual(['one', 'two'])
  })

  it('pauses while hovered or focused and resumes with the time left', () => {
    const s = new ToastStore()
    const id = s.show({ message: 'Not undone', isError: true })
    vi.advanceTimersByTime(ERROR_MS - 5000)
    s.pause(id, 'hover')
    s.pause(id, 'focus')
    vi.advanceTimersByTime(60_000)
    s.resume(id, 'hover')
    vi.advanceTimersByTime(60_000)
    expect(messages(s)).toEqual(['Not undone'])
    s.resume(id, 'focus')
    vi.advanceTimersByTime(4999)
    expect(messages(s)).toEqual(['Not undone'])
    vi.advanceTimersByTime(1)
    expect(messages(s)).toEqual([])
  })

  it('gives a toast left just before its end a moment more', () => {
    const s = new ToastStore()
    const id = s.show({ message: 'Copied' }, 3000)
    vi.advanceTimersByTime(2900)
    s.pause(id, 'hover')
    s.resume(id, 'hover')
    vi.advanceTimersByTime(RESUME_MS - 1)
    expect(messages(s)).toEqual(['Copied'])
    vi.advanceTimersByTime(1)
    expect(messages(s)).toEqual([])
  })

  it('clears errors (leaving a screen) and keeps the rest', () => {
    const s = new ToastStore()
    s.show({ message: 'Deleted A', action: { label: 'Undo', run: () => undefined } })
    s.show({ message: 'Could not open the file', isError: true })
    s.clearErrors()
    expect(messages(s)).toEqual(['Deleted A'])
  })
})

describe('the message after an import', () => {
  it('counts warnings in words and lists them', () => {
    expect(importedMessage('Comment imported', [])).toBe('Comment imported')
    expect(importedMessage('Issue imported', ['kept "Tasks"'])).toBe(
      'Imported with a warning: kept "Tasks"',
    )
    expect(importedMessage('Issue imported', ['a', 'b'])).toBe('Imported with 2 warnings: a; b')
  })
})
