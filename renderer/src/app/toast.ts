import { createContext, useContext } from 'react'
import type { ExternalStore } from '../store/useY'

export interface Toast {
  id: number
  message: string
  action?: { label: string; run: () => void }
  /** Called when the toast goes away without its action. */
  onExpire?: () => void
  isError?: boolean
}

/** The app's transient messages ("Deleted … Undo"), one store shared by every screen. */
export class ToastStore {
  private toasts: readonly Toast[] = []
  private readonly listeners = new Set<() => void>()
  private nextId = 1

  show(toast: Omit<Toast, 'id'>, ms = 8000): number {
    const id = this.nextId++
    this.toasts = [...this.toasts, { ...toast, id }]
    this.emit()
    setTimeout(() => this.dismiss(id, true), ms)
    return id
  }

  dismiss(id: number, isExpired = false): void {
    const t = this.toasts.find((x) => x.id === id)
    if (!t) return
    this.toasts = this.toasts.filter((x) => x.id !== id)
    this.emit()
    if (isExpired) t.onExpire?.()
  }

  /** Runs a toast's action and removes it (its expiry callback is not called). */
  act(id: number): void {
    const t = this.toasts.find((x) => x.id === id)
    if (!t) return
    this.toasts = this.toasts.filter((x) => x.id !== id)
    this.emit()
    t.action?.run()
  }

  private emit(): void {
    for (const l of [...this.listeners]) l()
  }

  readonly store: ExternalStore<readonly Toast[]> = {
    subscribe: (onChange) => {
      this.listeners.add(onChange)
      return () => this.listeners.delete(onChange)
    },
    getSnapshot: () => this.toasts,
  }
}

export const ToastContext = createContext<ToastStore>(new ToastStore())

export function useToast(): ToastStore {
  return useContext(ToastContext)
}
