import type { ExternalStore } from '../store/useY'

export interface Toast {
  id: number
  message: string
  action?: { label: string; run: () => void }
  /** Called when the toast goes away without its action (expired, dismissed or replaced). */
  onExpire?: () => void
  isError?: boolean
}

/** How long a toast stays by default: errors longer, as they are read rather than glanced at. */
export const INFO_MS = 8000
export const ERROR_MS = 10_000
/** After a pause (pointer or focus left the toast), at least this long before it goes. */
export const RESUME_MS = 2000

/** Why a toast's countdown is held (each is released on its own). */
export type PauseReason = 'hover' | 'focus'

interface Countdown {
  handle: ReturnType<typeof setTimeout> | undefined
  /** When the running countdown ends (ms since epoch); meaningless while paused. */
  endsAt: number
  remaining: number
  reasons: Set<PauseReason>
}

/**
 * The app's transient messages ("Deleted … Undo", "Copy failed: …"), one store shared by every
 * screen. Every toast expires, errors later than the rest; at most one error shows (a newer one
 * replaces it), and a message already showing (without an action) is not shown twice: its
 * countdown starts again instead. A toast with an action is never merged with another, so each
 * Undo keeps its own step. Countdowns pause while the pointer or the focus is on the toast.
 */
export class ToastStore {
  private toasts: readonly Toast[] = []
  private readonly countdowns = new Map<number, Countdown>()
  private readonly listeners = new Set<() => void>()
  private nextId = 1

  /** Shows a toast for `ms` (by default {@link INFO_MS}, or {@link ERROR_MS} for an error). */
  show(toast: Omit<Toast, 'id'>, ms = toast.isError ? ERROR_MS : INFO_MS): number {
    const same = toast.action || toast.onExpire ? undefined : this.findSame(toast)
    if (same) {
      this.startCountdown(same.id, ms)
      return same.id
    }
    const replaced = toast.isError ? this.toasts.filter((t) => t.isError) : []
    const id = this.nextId++
    this.toasts = [...this.toasts.filter((t) => !replaced.includes(t)), { ...toast, id }]
    for (const t of replaced) this.stopCountdown(t.id)
    this.startCountdown(id, ms)
    this.emit()
    for (const t of replaced) t.onExpire?.()
    return id
  }

  /** Removes a toast; `isExpired` (it went without its action) calls its `onExpire`. */
  dismiss(id: number, isExpired = false): void {
    const t = this.remove(id)
    if (t && isExpired) t.onExpire?.()
  }

  /** Runs a toast's action and removes it (its expiry callback is not called). */
  act(id: number): void {
    this.remove(id)?.action?.run()
  }

  /** Removes every error toast (the screen they were about has gone). */
  clearErrors(): void {
    for (const t of this.toasts.filter((x) => x.isError)) this.dismiss(t.id, true)
  }

  /** Holds a toast's countdown (pointer over it, or focus in it) until {@link resume}. */
  pause(id: number, reason: PauseReason): void {
    const c = this.countdowns.get(id)
    if (!c || c.reasons.has(reason)) return
    if (c.reasons.size === 0) {
      clearTimeout(c.handle)
      c.handle = undefined
      c.remaining = Math.max(0, c.endsAt - Date.now())
    }
    c.reasons.add(reason)
  }

  /** Releases one hold; when none is left the countdown runs again, for at least {@link RESUME_MS}. */
  resume(id: number, reason: PauseReason): void {
    const c = this.countdowns.get(id)
    if (!c?.reasons.delete(reason) || c.reasons.size > 0) return
    this.run(id, c, Math.max(c.remaining, RESUME_MS))
  }

  private findSame(toast: Omit<Toast, 'id'>): Toast | undefined {
    return this.toasts.find(
      (t) =>
        t.message === toast.message &&
        Boolean(t.isError) === Boolean(toast.isError) &&
        !t.action &&
        !t.onExpire,
    )
  }

  private remove(id: number): Toast | undefined {
    const t = this.toasts.find((x) => x.id === id)
    if (!t) return undefined
    this.stopCountdown(id)
    this.toasts = this.toasts.filter((x) => x.id !== id)
    this.emit()
    return t
  }

  private startCountdown(id: number, ms: number): void {
    const old = this.countdowns.get(id)
    const c: Countdown = { handle: undefined, endsAt: 0, remaining: ms, reasons: new Set() }
    if (old) {
      clearTimeout(old.handle)
      c.reasons = old.reasons
    }
    this.countdowns.set(id, c)
    if (c.reasons.size === 0) this.run(id, c, ms)
  }

  private run(id: number, c: Countdown, ms: number): void {
    c.endsAt = Date.now() + ms
    c.remaining = ms
    c.handle = setTimeout(() => this.dismiss(id, true), ms)
  }

  private stopCountdown(id: number): void {
    clearTimeout(this.countdowns.get(id)?.handle)
    this.countdowns.delete(id)
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
