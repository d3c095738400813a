import { lazy, Suspense, useEffect, useState } from 'react'
import type { SprintScreen as SprintScreenType } from '../editor/SprintScreen'
import type { SprintRegistry } from '../store/registry'
import { deleteSprintData } from '../store/lazy-actions'
import { HomeScreen } from '../home/HomeScreen'
import { ExtensionsContext, type SprintExtensions } from './extensions'
import { ToastContext, type ToastStore } from './toast'
import { Toasts } from './Toasts'
import { parseRoute, useHash } from './route'
import { requestPersistentStorage } from './native'
import { platform } from '../platform'
import { dispatchAppCommand } from './commands'

interface Props {
  registry: SprintRegistry
  toasts: ToastStore
  extensions?: SprintExtensions
}

/** The Sprint overview and its chart library: a chunk of its own, loaded when first opened. */
const OverviewScreen = lazy(() => import('../overview/OverviewScreen'))

/**
 * The sprint view (editor, export, history, meeting) and what the extensions need for an open
 * sprint (sync): chunks of their own, so the sprints list shows without them. Fetched when a
 * sprint is first opened, or in the background once the list is shown.
 */
const loadSprintScreen = (): Promise<{ default: typeof SprintScreenType }> =>
  import('../editor/SprintScreen').then((m) => ({ default: m.SprintScreen }))
const SprintScreen = lazy(loadSprintScreen)

const STORAGE_TEXT = {
  persistent: 'Storage: kept by the browser',
  'best-effort': 'Storage: may be cleared if space runs low',
  unknown: 'Storage: persistence unknown',
} as const

/** The app: the sprints list, or one open sprint (addressed by the URL hash). */
export function App({ registry, toasts, extensions = {} }: Props) {
  const route = parseRoute(useHash())
  const [storage, setStorage] = useState('Storage: asking…')
  const [isPresenting, setPresenting] = useState(false)

  // Once the list is up, fetch the sprint view in the background: opening a sprint then waits
  // for nothing but its document.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200))
    idle(() => {
      void loadSprintScreen()
      void extensions.prepareSprint?.()
    })
  }, [extensions])

  useEffect(() => {
    void registry.load(deleteSprintData)
    void requestPersistentStorage().then((answer) => setStorage(STORAGE_TEXT[answer]))
  }, [registry])

  useEffect(() => {
    document.documentElement.classList.toggle('presenting', isPresenting)
  }, [isPresenting])

  // An error is about the screen it was shown on: it goes when the user goes to another screen.
  // (Toasts with an action, like a delete's Undo, stay for their time.)
  useEffect(() => {
    const clear = (): void => toasts.clearErrors()
    window.addEventListener('hashchange', clear)
    return () => window.removeEventListener('hashchange', clear)
  }, [toasts])

  // The native menu and files opened from the OS go to whichever screen is showing.
  useEffect(() => {
    const offMenu = platform.onMenuCommand((command) => {
      dispatchAppCommand({ kind: 'menu', command })
    })
    const offFile = platform.onOpenFile((file) => {
      dispatchAppCommand({ kind: 'file', file })
    })
    return () => {
      offMenu()
      offFile()
    }
  }, [])

  return (
    <ToastContext.Provider value={toasts}>
      <ExtensionsContext.Provider value={extensions}>
        {route.screen === 'sprint' ? (
          <Suspense
            fallback={
              <main className="screen-message" aria-busy="true">
                Loading sprint…
              </main>
            }
          >
            <SprintScreen
              key={route.sprintId}
              sprintId={route.sprintId}
              registry={registry}
              storage={storage}
              isPresenting={isPresenting}
              onTogglePresenting={() => setPresenting((x) => !x)}
            />
          </Suspense>
        ) : route.screen === 'overview' ? (
          <Suspense
            fallback={
              <main className="screen-message" aria-busy="true">
                Loading the overview…
              </main>
            }
          >
            <OverviewScreen registry={registry} sprintId={route.sprintId} />
          </Suspense>
        ) : (
          <HomeScreen registry={registry} storage={storage} />
        )}
        {extensions.appExtras}
        <Toasts />
      </ExtensionsContext.Provider>
    </ToastContext.Provider>
  )
}
