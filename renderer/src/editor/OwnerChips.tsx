import { useState, type KeyboardEvent } from 'react'
import { setOwners } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { HANDLES_LIST_ID } from './HandlesDatalist'
import { itemTextDomId } from './focus'

interface Props {
  itemId: string
  owners: readonly string[]
}

/** `@Ana-Lopez ` → `Ana-Lopez`; empty when not a plausible GitHub handle. */
export function normaliseHandle(raw: string): string {
  const h = raw.trim().replace(/^@+/, '')
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(h) ? h : ''
}

/** An item's owners as chips, with an input that autocompletes handles used in the sprint. */
export function OwnerChips({ itemId, owners }: Props) {
  const { doc } = useSprint()
  const [draft, setDraft] = useState('')
  const [isInvalid, setInvalid] = useState(false)

  const commit = (): boolean => {
    if (!draft.trim()) return false
    const handle = normaliseHandle(draft)
    if (!handle) {
      setInvalid(true)
      return true
    }
    setOwners(doc, { itemId, owners: [...owners, handle] })
    setDraft('')
    setInvalid(false)
    return true
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if ((e.key === 'Enter' || e.key === ',' || e.key === ' ') && commit()) e.preventDefault()
    else if (e.key === 'Backspace' && draft === '' && owners.length > 0) {
      setOwners(doc, { itemId, owners: owners.slice(0, -1) })
      e.preventDefault()
    } else if (e.key === 'Escape') setDraft('')
  }

  return (
    <span className="owners">
      <ul className="owner-chips" aria-label="Owners">
        {owners.map((o) => (
          <li key={o} className="chip">
            <span>@{o}</span>
            <button
              type="button"
              tabIndex={-1}
              className="chip-remove"
              aria-label={`Remove owner @${o}`}
              aria-describedby={itemTextDomId(itemId)}
              onClick={() => setOwners(doc, { itemId, owners: owners.filter((x) => x !== o) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        tabIndex={-1}
        className="owner-input"
        aria-label="Add owner"
        aria-describedby={itemTextDomId(itemId)}
        aria-invalid={isInvalid || undefined}
        title={isInvalid ? 'Not a GitHub handle' : 'Add owner (Enter)'}
        placeholder="@owner"
        list={HANDLES_LIST_ID}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value)
          setInvalid(false)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => commit()}
      />
    </span>
  )
}
