import { useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { editItemText, getItemText } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { diffWithCaret, showRemoteChange } from './text-diff'
import { itemTextDomId } from './focus'
import { rememberLastItem } from './jump'
import { linkAt } from './links'

interface Props {
  itemId: string
  label: string
  /** The id of what says where the item is (its section's heading). */
  describedBy?: string
  placeholder?: string
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void
}

/**
 * The text of one item, bound to its Y.Text. The field is uncontrolled: local typing is applied
 * to the Y.Text as one minimal edit at the caret, and a remote (or undo) change rewrites the value
 * and maps the caret through the change, so it does not jump. Typing re-renders no component.
 */
export function ItemText({ itemId, label, describedBy, placeholder, onKeyDown }: Props) {
  const sprint = useSprint()
  const { doc } = sprint
  const ref = useRef<HTMLTextAreaElement>(null)

  useLayoutEffect(() => {
    const el = ref.current
    const text = getItemText(doc, itemId)
    if (!el || !text) return
    el.value = text.toString()
    const onChange = (event: Y.YTextEvent): void => {
      showRemoteChange(el, text.toString(), event.delta)
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [doc, itemId])

  const onInput = (): void => {
    const el = ref.current
    const text = getItemText(doc, itemId)
    if (!el || !text) return
    // An item is one line: pasted line breaks become spaces.
    if (el.value.includes('\n')) {
      const caret = el.selectionEnd
      el.value = el.value.replace(/\r?\n/g, ' ')
      el.setSelectionRange(caret, caret)
    }
    const edit = diffWithCaret(text.toString(), el.value, el.selectionEnd)
    if (edit) editItemText(doc, { itemId, ...edit })
    // Typed in since it got the focus: if someone else removes the item now, offer it back. The
    // first keystroke also makes it where the sprint opens next time.
    if (!el.dataset.edited) rememberLastItem(sprint.id, itemId)
    el.dataset.edited = 'true'
  }

  return (
    <textarea
      ref={ref}
      className="item-text"
      rows={1}
      spellCheck
      id={itemTextDomId(itemId)}
      aria-label={label}
      aria-describedby={describedBy}
      placeholder={placeholder}
      data-item-id={itemId}
      readOnly={!getItemText(doc, itemId)}
      onInput={onInput}
      onBlur={(e) => {
        // Switching to another window blurs the field too: that is not leaving the item.
        if (document.hasFocus()) delete e.currentTarget.dataset.edited
      }}
      onKeyDown={onKeyDown}
      onClick={(e) => {
        // Ctrl/Cmd+click on a link opens it (in the desktop app through main's URL policy).
        if (!e.ctrlKey && !e.metaKey) return
        const url = linkAt(e.currentTarget.value, e.currentTarget.selectionStart)
        if (url) window.open(url, '_blank', 'noopener,noreferrer')
      }}
    />
  )
}
