import { shortcutText } from '../app/keys'
import type { Toast, ToastStore } from '../app/toast'
import type { OpenSprint } from '../store/open-sprint'

/**
 * The "Undo" of a toast that reports a change just made ("Removed Growth", "Comment imported").
 * Call right after the change and a checkpoint. It undoes that change only while it is still
 * this user's newest step; after later edits it says so instead of undoing those.
 */
export function undoLastStepAction(
  sprint: OpenSprint,
  toast: ToastStore,
): NonNullable<Toast['action']> {
  const undo = sprint.undoOfLastStep()
  return {
    label: 'Undo',
    run: () => {
      if (!undo())
        toast.show({
          message: `Not undone: you have changed things since. ${shortcutText('Mod+Z')} steps back through them.`,
          isError: true,
        })
    },
  }
}
