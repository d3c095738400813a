import { useEffect } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import type { SprintRegistry } from '../store/registry'
import { syncRegistryEntry } from '../store/registry-sync'

const DELAY_MS = 400

/**
 * Keeps the sprints list entry of the open sprint up to date (title, dates, team count, edited
 * time) with every change of its document, local or from a peer. The entry is checked against the
 * document on open too, and written at once when the page goes away, so a change made just before
 * the window closed is never missing from the list.
 */
export function useRegistrySync(sprint: OpenSprint, registry: SprintRegistry): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const write = (): void => {
      if (timer) clearTimeout(timer)
      timer = undefined
      void syncRegistryEntry(registry, sprint.id, sprint.doc, true)
    }
    const onUpdate = (): void => {
      timer ??= setTimeout(write, DELAY_MS)
    }
    const onHide = (): void => {
      if (timer) write()
    }
    void syncRegistryEntry(registry, sprint.id, sprint.doc, false)
    sprint.doc.on('update', onUpdate)
    window.addEventListener('pagehide', onHide)
    return () => {
      sprint.doc.off('update', onUpdate)
      window.removeEventListener('pagehide', onHide)
      if (timer) write()
    }
  }, [sprint, registry])
}
