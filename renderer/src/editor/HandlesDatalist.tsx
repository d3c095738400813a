import { useEffect, useState } from 'react'
import * as Y from 'yjs'
import { ITEM, TEAM, itemsMap, teamsMap } from '../../../shared/doc'
import { useSprint } from './sprint-context'

/** Id of the one datalist of handles the owner inputs autocomplete from. */
export const HANDLES_LIST_ID = 'sprint-handles'

/** Every handle used in the sprint: owners, members and support heroes, sorted. */
export function handlesOf(doc: Y.Doc): string[] {
  const out = new Set<string>()
  const add = (v: unknown): void => {
    if (Array.isArray(v)) for (const h of v) if (typeof h === 'string' && h) out.add(h)
  }
  itemsMap(doc).forEach((m) => {
    if (m instanceof Y.Map) add(m.get(ITEM.owners))
  })
  teamsMap(doc).forEach((m) => {
    if (!(m instanceof Y.Map)) return
    add(m.get(TEAM.members))
    const heroes: unknown = m.get(TEAM.heroes)
    if (Array.isArray(heroes)) {
      add(heroes.map((h: unknown) => (h as { handle?: unknown } | null)?.handle))
    }
  })
  return [...out].sort((a, b) => a.localeCompare(b))
}

/** The datalist, refreshed whenever an owner input gets focus (not on every edit). */
export function HandlesDatalist() {
  const { doc } = useSprint()
  const [handles, setHandles] = useState<string[]>([])
  useEffect(() => {
    const onFocus = (e: FocusEvent): void => {
      if (e.target instanceof HTMLInputElement && e.target.list?.id === HANDLES_LIST_ID) {
        setHandles(handlesOf(doc))
      }
    }
    document.addEventListener('focusin', onFocus)
    return () => document.removeEventListener('focusin', onFocus)
  }, [doc])
  return (
    <datalist id={HANDLES_LIST_ID}>
      {handles.map((h) => (
        <option key={h} value={`@${h}`} />
      ))}
    </datalist>
  )
}
