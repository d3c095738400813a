import { useEffect } from 'react'
import type * as Y from 'yjs'
import {
  GLOBAL_TEAM,
  getItemMap,
  restoreItem,
  snapshotItem,
  teamsMap,
  type ItemSnapshot,
} from '../../../shared/doc'
import type { ToastStore } from '../app/toast'
import { platform } from '../platform'
import { focusItem, focusSoon } from './focus'

/** Long enough to notice, read and decide; the countdown also holds while the toast has focus. */
const RESCUE_MS = 30_000

function quote(text: string): string {
  const t = text.trim()
  return `“${t.length > 60 ? `${t.slice(0, 57)}…` : t}”`
}

/**
 * Someone else removing an item (or joining it into another) while this user types in it takes
 * their typing with it. This watches the item being typed in: when a remote change removes it, a
 * toast offers to put it back as it was on this device (text, owners, status, place), or, if its
 * team went too, to copy its text. The focus goes to that offer, not to the page body.
 */
export function useRescueRemovedItem(
  sprint: { doc: Y.Doc; checkpoint: () => void },
  toast: ToastStore,
): void {
  useEffect(() => {
    const { doc } = sprint
    let watched: ItemSnapshot | undefined
    const before = (tr: Y.Transaction): void => {
      watched = undefined
      if (tr.local) return
      const el = document.activeElement
      if (!(el instanceof HTMLTextAreaElement) || el.dataset.edited !== 'true') return
      const id = el.dataset.itemId
      // O(depth), before each remote transaction, for the one item being typed in.
      if (id) watched = snapshotItem(doc, id)
    }
    const after = (tr: Y.Transaction): void => {
      const snap = watched
      watched = undefined
      if (!snap || tr.local || getItemMap(doc, snap.id) || !snap.text.trim()) return
      const teamIsThere = snap.rootTeam === GLOBAL_TEAM || teamsMap(doc).has(snap.rootTeam)
      const id = toast.show(
        teamIsThere
          ? {
              message: `Someone else removed ${quote(snap.text)} while you were typing in it`,
              action: {
                label: 'Restore',
                run: () => {
                  sprint.checkpoint()
                  if (restoreItem(doc, snap)) focusItem(snap.id)
                  else if (!getItemMap(doc, snap.id)) {
                    toast.show({ message: 'Its team was removed meanwhile', isError: true })
                  }
                },
              },
            }
          : {
              message: `Someone else removed the team of ${quote(snap.text)} while you were typing in it`,
              action: {
                label: 'Copy text',
                run: () => {
                  void platform.copyText(snap.text).then(
                    () => toast.show({ message: 'Copied the item’s text' }),
                    (err: unknown) =>
                      toast.show({ message: `Copy failed: ${String(err)}`, isError: true }),
                  )
                },
              },
            },
        RESCUE_MS,
      )
      // The field that had the focus is gone: the offer takes it (Enter restores, Esc… stays).
      focusSoon(() => {
        const active = document.activeElement
        if (active && active !== document.body && active.isConnected) return undefined
        return document.querySelector<HTMLElement>(`[data-toast-id="${id}"] .toast-action`)
      }, 3)
    }
    doc.on('beforeTransaction', before)
    doc.on('afterTransaction', after)
    return () => {
      doc.off('beforeTransaction', before)
      doc.off('afterTransaction', after)
    }
  }, [sprint, toast])
}
