import { createContext, useContext } from 'react'
import { ToastStore } from './toast-store'

export { ToastStore, type Toast } from './toast-store'

export const ToastContext = createContext<ToastStore>(new ToastStore())

export function useToast(): ToastStore {
  return useContext(ToastContext)
}
