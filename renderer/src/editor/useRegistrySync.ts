import { useEffect } from 'react'
import { readMeta, teamsMap } from '../../../shared/doc'
import type { OpenSprint } from '../store/open-sprint'
import type { SprintRegistry } from '../store/registry'

/** Keeps the sprints list entry of the open sprint up to date (title, dates, team count). */
export function useRegistrySync(sprint: OpenSprint, registry: SprintRegistry): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const write = (): void => {
      timer = undefined
      const meta = readMeta(sprint.doc)
      const entry = {
        title: meta.title,
        startDate: meta.startDate,
        endDate: meta.endDate,
        teamCount: teamsMap(sprint.doc).size,
        createdAt: meta.createdAt,
      }
      if (registry.get(sprint.id))
        void registry.update(sprint.id, { ...entry, updatedAt: Date.now() })
      else void registry.put({ id: sprint.id, ...entry, updatedAt: Date.now() })
    }
    const onUpdate = (): void => {
      timer ??= setTimeout(write, 400)
    }
    if (!registry.get(sprint.id)) write()
    sprint.doc.on('update', onUpdate)
    return () => {
      sprint.doc.off('update', onUpdate)
      if (timer) {
        clearTimeout(timer)
        write()
      }
    }
  }, [sprint, registry])
}
