import { useSyncExternalStore } from 'react'

/** The screens, addressed by the URL hash so the app works from file-like origins (app://). */
export type Route =
  | { screen: 'home' }
  | { screen: 'sprint'; sprintId: string }
  /** The Sprint overview: charts of a sprint (the newest when none) and the sprints before it. */
  | { screen: 'overview'; sprintId?: string }

export function parseRoute(hash: string): Route {
  const m = /^#\/(sprint|overview)(?:\/([A-Za-z0-9_-]+))?/.exec(hash)
  if (m?.[1] === 'sprint' && m[2]) return { screen: 'sprint', sprintId: m[2] }
  if (m?.[1] === 'overview')
    return m[2] ? { screen: 'overview', sprintId: m[2] } : { screen: 'overview' }
  return { screen: 'home' }
}

export function routeHref(route: Route): string {
  if (route.screen === 'sprint') return `#/sprint/${route.sprintId}`
  if (route.screen === 'overview')
    return route.sprintId ? `#/overview/${route.sprintId}` : '#/overview'
  return '#/'
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
