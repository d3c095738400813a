import { useCallback, useEffect, useRef, useState } from 'react'
import { readMeeting } from '../../../shared/doc'
import { useSprint } from '../editor/sprint-context'
import { useAgenda, useMeetingView } from './useMeeting'
import { useMeetingActions } from './useMeetingActions'

/**
 * The meeting's keyboard shortcuts, anywhere in the sprint (also while typing in an item):
 * Ctrl/Cmd+Shift+K the meeting panel, Ctrl/Cmd+Shift+. next team, Ctrl/Cmd+Shift+, pause or
 * resume. Keys are matched by their place (`code`), so they work whatever Shift makes of them.
 */
export function useMeetingKeys(onTogglePanel: () => void): void {
  const { doc } = useSprint()
  const meeting = useMeetingView()
  const agenda = useAgenda(meeting.agenda)
  const actions = useMeetingActions()
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey || e.repeat) return
      if (e.target instanceof Element && e.target.closest('dialog')) return
      const timer =
        readMeeting(doc).run?.status === 'running' ? readMeeting(doc).run?.timer : undefined
      if (e.code === 'KeyK') {
        e.preventDefault()
        onTogglePanel()
      } else if (e.code === 'Period' && timer) {
        e.preventDefault()
        actions.next(agenda.map((t) => t.id))
      } else if (e.code === 'Comma' && timer) {
        e.preventDefault()
        if (timer.pausedElapsedMs === null) actions.pause()
        else actions.resume()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [doc, agenda, actions, onTogglePanel])
}

/**
 * Whether the meeting panel is open on this laptop, with its shortcut: opening it puts the focus
 * in it, closing it (× or the shortcut) gives it back to the Meeting button.
 */
export function useMeetingPanel(): { isOpen: boolean; toggle: () => void; close: () => void } {
  const [isOpen, setOpen] = useState(false)
  const isOpenNow = useRef(false)
  const set = useCallback((next: boolean) => {
    isOpenNow.current = next
    setOpen(next)
    const target = next ? '#meeting-column' : '.toolbar .meeting-button'
    requestAnimationFrame(() => document.querySelector<HTMLElement>(target)?.focus())
  }, [])
  const toggle = useCallback(() => set(!isOpenNow.current), [set])
  const close = useCallback(() => set(false), [set])
  useMeetingKeys(toggle)
  return { isOpen, toggle, close }
}
