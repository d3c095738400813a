import { useId } from 'react'
import { setSupportHeroes, type SupportHero } from '../../../shared/doc'
import { useSprint } from './sprint-context'
import { HANDLES_LIST_ID } from './HandlesDatalist'
import { normaliseHandle } from './OwnerChips'

interface Props {
  teamId: string
  heroes: readonly SupportHero[]
  suggestion: string
}

/** The support hero field: one handle (or one per week), with the rotation's suggestion. */
export function HeroField({ teamId, heroes, suggestion }: Props) {
  const { doc } = useSprint()
  const id = useId()
  const value = heroes
    .map((h) => (h.label ? `${h.label}: @${h.handle}` : `@${h.handle}`))
    .join(', ')
  const write = (text: string): void => {
    const parsed = text
      .split(',')
      .map((part) => {
        const m = /^\s*(?:([^:@]+):)?\s*(.*)$/.exec(part)
        return { label: m?.[1]?.trim() ?? '', handle: (m?.[2] ?? '').trim().replace(/^@+/, '') }
      })
      .filter((h) => h.handle !== '' || h.label !== '')
    setSupportHeroes(doc, { teamId, heroes: parsed })
  }
  const suggested = normaliseHandle(suggestion)
  return (
    <div className="field-row">
      <label htmlFor={id} className="field-label">
        Support hero
      </label>
      <input
        id={id}
        className="field-input"
        list={HANDLES_LIST_ID}
        defaultValue={value}
        key={value}
        placeholder={suggested ? `Suggested: @${suggested}` : '@handle'}
        onBlur={(e) => {
          if (e.target.value !== value) write(e.target.value)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur()
        }}
      />
      {heroes.length === 0 && suggested && (
        <button
          type="button"
          className="chip-button"
          onClick={() =>
            setSupportHeroes(doc, { teamId, heroes: [{ label: '', handle: suggested }] })
          }
        >
          Use @{suggested}
        </button>
      )}
    </div>
  )
}
