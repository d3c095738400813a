import type { MenuCommand, OpenedFile } from '../platform'

/** What the native menu or the OS asks of the screen that is showing. */
export type AppCommand = { kind: 'menu'; command: MenuCommand } | { kind: 'file'; file: OpenedFile }

type Listener = (command: AppCommand) => boolean

const listeners: Listener[] = []

/**
 * Lets a screen handle app commands while it is mounted. The most recently mounted listener is
 * asked first; it returns true when it handled the command.
 */
export function onAppCommand(listener: Listener): () => void {
  listeners.unshift(listener)
  return () => {
    const i = listeners.indexOf(listener)
    if (i >= 0) listeners.splice(i, 1)
  }
}

/** Hands a command to the screens; false when none handled it. */
export function dispatchAppCommand(command: AppCommand): boolean {
  return listeners.some((l) => l(command))
}
