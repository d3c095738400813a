import { createContext, useContext } from 'react'
import { ToastStore } from './toast-store'

export { ToastStore, type Toast } from './toast-store'

export const ToastContext = createContext<ToastStore>(new ToastStore())

export function useToast(): ToastStore {
  return useContext(ToastContext)
}

/** The toast after an import: `Comment imported`, or what the importer warned about. */
export function importedMessage(done: string, warnings: readonly string[]): string {
  if (warnings.length === 0) return done
  const count = warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`
  return `Imported with ${count}: ${warnings.join('; ')}`
}
