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
import { addTeamButton, focusIfLost, focusItem, sectionHeadingDomId } from './focus'

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
    // Offers still showing: they act on this document, so they go when it closes.
    const offers = new Set<number>()
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
      // Wherever the offer ends (restored, copied, dismissed, expired), the focus lands near the
      // item's place, never on the page body.
      const focusNear = (): void =>
        focusIfLost(() => {
          const place = document
            .getElementById(sectionHeadingDomId(snap.rootTeam, snap.rootSection))
            ?.closest('section')
          return (
            place?.querySelector<HTMLElement>('textarea[data-item-id], .section-footer button') ??
            addTeamButton()
          )
        })
      const id = toast.show(
        teamIsThere
          ? {
              message: `Someone else removed ${quote(snap.text)} while you were typing in it`,
              action: {
                label: 'Restore',
                run: () => {
                  sprint.checkpoint()
                  const restored = restoreItem(doc, snap)
                  if (restored) focusItem(restored)
                  else {
                    if (!getItemMap(doc, snap.id)) {
                      toast.show({ message: 'Its team was removed meanwhile', isError: true })
                    }
                    focusNear()
                  }
                },
              },
              onExpire: focusNear,
            }
          : {
              message: `Someone else removed the team of ${quote(snap.text)} while you were typing in it`,
              action: {
                label: 'Copy text',
                run: () => {
                  focusNear()
                  void platform.copyText(snap.text).then(
                    () => toast.show({ message: 'Copied the item’s text' }),
                    (err: unknown) =>
                      toast.show({ message: `Copy failed: ${String(err)}`, isError: true }),
                  )
                },
              },
              onExpire: focusNear,
            },
        RESCUE_MS,
      )
      offers.add(id)
      // The field that had the focus is gone: the offer takes it (Enter restores).
      focusIfLost(
        () => document.querySelector<HTMLElement>(`[data-toast-id="${id}"] .toast-action`),
        3,
      )
    }
    doc.on('beforeTransaction', before)
    doc.on('afterTransaction', after)
    return () => {
      doc.off('beforeTransaction', before)
      doc.off('afterTransaction', after)
      for (const id of offers) toast.dismiss(id)
    }
  }, [sprint, toast])
}
