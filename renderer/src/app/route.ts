import { useSyncExternalStore } from 'react'

/** The screens, addressed by the URL hash so the app works from file-like origins (app://). */
export type Route = { screen: 'home' } | { screen: 'sprint'; sprintId: string }

export function parseRoute(hash: string): Route {
  const m = /^#\/sprint\/([A-Za-z0-9_-]+)/.exec(hash)
  return m?.[1] ? { screen: 'sprint', sprintId: m[1] } : { screen: 'home' }
}

export function routeHref(route: Route): string {
  return route.screen === 'sprint' ? `#/sprint/${route.sprintId}` : '#/'
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
