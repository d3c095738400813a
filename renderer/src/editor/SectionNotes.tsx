import { useLayoutEffect, useRef } from 'react'
import * as Y from 'yjs'
import { editSectionNotes, setSectionNotes } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { diffWithCaret, showRemoteChange } from './text-diff'

interface Props {
  teamId: string
  section: string
  /** The notes' Y.Text, a plain string from a foreign peer, or undefined before the first edit. */
  notes: Y.Text | string | undefined
  label: string
  autoFocus?: boolean
  /** Called when the field loses focus empty (the section then hides it again). */
  onBlurEmpty: () => void
}

/** Grows the field to its content while it is edited (CSS keeps it compact otherwise). */
function fit(el: HTMLTextAreaElement): void {
  el.style.height = 'auto'
  el.style.height = `${el.scrollHeight + 2}px`
}

/** At rest, marks a note taller than the compact block, so it fades out instead of cutting off. */
function markClipped(el: HTMLTextAreaElement): void {
  const isClipped = document.activeElement !== el && el.scrollHeight > el.clientHeight + 1
  el.classList.toggle('is-clipped', isClipped)
}

/**
 * A section's free-text notes (a legend, a `<details>` block, prose the importer kept), bound to
 * the notes' Y.Text like an item's text: local typing is one minimal edit at the caret, a remote
 * change rewrites the value and maps the caret. Multi-line; compact until focused.
 */
export function SectionNotes({ teamId, section, notes, label, autoFocus, onBlurEmpty }: Props) {
  const { doc } = useSprint()
  const ref = useRef<HTMLTextAreaElement>(null)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    if (typeof notes === 'string') {
      if (document.activeElement !== el) el.value = notes
      markClipped(el)
      return
    }
    if (!notes) return
    // The Y.Text our own first keystroke created already holds exactly what the field shows.
    if (el.value !== notes.toString()) el.value = notes.toString()
    markClipped(el)
    const onChange = (event: Y.YTextEvent): void => {
      if (!showRemoteChange(el, notes.toString(), event.delta)) return
      if (document.activeElement === el) fit(el)
      else markClipped(el)
    }
    notes.observe(onChange)
    return () => notes.unobserve(onChange)
  }, [notes])

  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])

  const onInput = (): void => {
    const el = ref.current
    if (!el) return
    fit(el)
    if (notes instanceof Y.Text) {
      const edit = diffWithCaret(notes.toString(), el.value, el.selectionEnd)
      if (edit) editSectionNotes(doc, { teamId, section, ...edit })
    } else {
      // No Y.Text yet (or a plain string): the first edit creates it with the whole value.
      setSectionNotes(doc, { teamId, section, text: el.value })
    }
  }

  return (
    <textarea
      ref={ref}
      className="section-notes"
      aria-label={label}
      placeholder="A note: a legend, context, links…"
      spellCheck
      rows={1}
      onInput={onInput}
      onFocus={(e) => {
        e.currentTarget.classList.remove('is-clipped')
        fit(e.currentTarget)
      }}
      onBlur={(e) => {
        const el = e.currentTarget
        el.style.height = ''
        markClipped(el)
        if (el.value === '') onBlurEmpty()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          e.currentTarget.blur()
        }
      }}
    />
  )
}
