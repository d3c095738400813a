import { useMemo, useSyncExternalStore } from 'react'

// Every Y type's observe() accepts a handler that ignores its (typed) arguments.
type Handler = (event: unknown, transaction: unknown) => void

/** Any shared Yjs type (`Y.Map`, `Y.Text`, …) a component may observe. */
export interface YObservable {
  observe(f: Handler): void
  unobserve(f: Handler): void
  observeDeep(f: Handler): void
  unobserveDeep(f: Handler): void
}

/** A store in the shape `useSyncExternalStore` wants. */
export interface ExternalStore<T> {
  subscribe: (onChange: () => void) => () => void
  getSnapshot: () => T
}

/** Structural equality of plain snapshots (primitives, arrays, plain objects). */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return ka.every((k) => Object.hasOwn(rb, k) && plainEqual(ra[k], rb[k]))
}

/**
 * A cached snapshot of a Y type: `read` runs only after the type changed (or before anyone
 * subscribed), and a new value structurally equal to the last one keeps the old reference, so
 * React skips the render.
 */
export function createYStore<Target extends YObservable, T>(
  target: Target | undefined,
  read: (target: Target | undefined) => T,
  options: { deep?: boolean } = {},
): ExternalStore<T> {
  let snapshot: T | undefined
  let hasSnapshot = false
  let isDirty = true
  let listeners = 0
  return {
    subscribe(onChange) {
      if (!target) return () => undefined
      listeners++
      // A change between the render and this subscription would otherwise go unnoticed.
      isDirty = true
      const handler = (): void => {
        isDirty = true
        onChange()
      }
      if (options.deep) target.observeDeep(handler)
      else target.observe(handler)
      return () => {
        listeners--
        if (options.deep) target.unobserveDeep(handler)
        else target.unobserve(handler)
      }
    },
    getSnapshot() {
      if (isDirty || listeners === 0 || !hasSnapshot) {
        const next = read(target)
        if (!hasSnapshot || !plainEqual(next, snapshot)) snapshot = next
        hasSnapshot = true
        isDirty = listeners === 0
      }
      return snapshot as T
    },
  }
}

/**
 * The one hook through which React reads the document: subscribes to one Y type (its own changes,
 * or with `deep` its descendants' too) and returns a plain snapshot made by `read`. `read` must be
 * a stable function (module level or memoised): a new function means a new subscription.
 */
export function useY<Target extends YObservable, T>(
  target: Target | undefined,
  read: (target: Target | undefined) => T,
  deep = false,
): T {
  const store = useMemo(() => createYStore(target, read, { deep }), [target, read, deep])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** Subscribes to any external store (structure index, registry…). */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
