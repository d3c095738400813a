import { useEffect, useRef } from 'react'
import type { Peer, PresenceView } from '../../../shared/sync'
import type { SyncSession } from '../sync/sync-session'
import { whenTeamsRendered } from '../editor/progressive'

/** Whom this laptop follows: their device (stable across their reloads) and name. */
export interface FollowTarget {
  device: string
  name: string
}

/** The device id presence knows a peer by (peers of earlier versions have none). */
export function peerDevice(peer: Peer): string {
  return peer.device ?? `client:${peer.clientId}`
}

/** Scroll events this long after we scrolled for the leader are ours, not the user's (ms). */
const OWN_SCROLL_MS = 400

/** Keys that scroll the page when the focus is not in a text field. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' '])

/**
 * Following someone: whenever the person's place in the sprint changes (the item they edit, or
 * the team and item at the top of their view), this laptop scrolls there. Following stops as soon
 * as the follower types or scrolls themselves (wheel, touch, scroll keys, the scroll bar), or
 * presses Esc outside a text field; `onStop` is told why.
 */
export function useFollowing(
  peers: readonly Peer[],
  target: FollowTarget | undefined,
  onStop: (reason: 'typed' | 'scrolled' | 'escape') => void,
): void {
  const ownScrollAt = useRef(0)
  const leader = target
    ? peers.find((p) => !p.isSelf && peerDevice(p) === target.device)
    : undefined
  const hasPlace = Boolean(leader?.editing) || (leader?.view !== undefined && leader.view !== null)
  const team = leader?.view?.team ?? ''
  const item = (leader?.editing ?? '') || (leader?.view?.item ?? '')
  const isEditing = Boolean(leader?.editing)

  useEffect(() => {
    if (!target || !hasPlace) return
    let isCurrent = true
    // A big sprint just opened renders its teams in passes: scroll once the leader's is there.
    whenTeamsRendered(() => {
      if (!isCurrent) return
      ownScrollAt.current = Date.now()
      const el =
        (item && document.querySelector(`[data-item-row="${CSS.escape(item)}"]`)) ||
        (team && document.querySelector(`article[data-team-id="${CSS.escape(team)}"]`))
      // No team: the top of the sprint (the issue's own sections).
      if (!el) document.querySelector('.sprint-main')?.scrollTo({ top: 0 })
      else el.scrollIntoView({ block: isEditing ? 'center' : 'start' })
    })
    return () => {
      isCurrent = false
    }
  }, [target, hasPlace, team, item, isEditing])

  useEffect(() => {
    if (!target) return
    const main = document.querySelector('.sprint-main')
    const isOurs = (e: Event): boolean =>
      e.target instanceof Element && e.target.closest('.sync-controls, .follow-chip') !== null
    const onKey = (e: KeyboardEvent): void => {
      if (isOurs(e) || e.ctrlKey || e.metaKey || e.altKey) return
      if (e.key === 'Escape' && !isTextField(e.target)) onStop('escape')
      else if (isTextField(e.target) && (e.key.length === 1 || isEditKey(e.key))) onStop('typed')
      else if (!isTextField(e.target) && SCROLL_KEYS.has(e.key)) onStop('scrolled')
    }
    const onInput = (e: Event): void => {
      if (!isOurs(e)) onStop('typed')
    }
    const onWheel = (): void => onStop('scrolled')
    const onScroll = (): void => {
      if (Date.now() - ownScrollAt.current > OWN_SCROLL_MS) onStop('scrolled')
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('input', onInput, true)
    document.addEventListener('wheel', onWheel, { capture: true, passive: true })
    document.addEventListener('touchmove', onWheel, { capture: true, passive: true })
    main?.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('input', onInput, true)
      document.removeEventListener('wheel', onWheel, true)
      document.removeEventListener('touchmove', onWheel, true)
      main?.removeEventListener('scroll', onScroll)
    }
  }, [target, onStop])
}

/**
 * Tells the others where this person is, for those who follow them: the item they edit, else the
 * team and item at the top of their view (after each scroll settles), and whether they present.
 */
export function usePublishView(session: SyncSession | undefined): void {
  useEffect(() => {
    if (!session) return
    const main = document.querySelector<HTMLElement>('.sprint-main')
    let timer: ReturnType<typeof setTimeout> | undefined
    const publish = (): void => {
      timer = undefined
      if (main) session.setView(viewOf(main))
    }
    const soon = (): void => {
      timer ??= setTimeout(publish, 150)
    }
    const presenting = new MutationObserver(() =>
      session.setPresenting(document.documentElement.classList.contains('presenting')),
    )
    presenting.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
    session.setPresenting(document.documentElement.classList.contains('presenting'))
    publish()
    main?.addEventListener('scroll', soon, { passive: true })
    document.addEventListener('focusin', soon)
    return () => {
      clearTimeout(timer)
      presenting.disconnect()
      main?.removeEventListener('scroll', soon)
      document.removeEventListener('focusin', soon)
    }
  }, [session])
}

/**
 * Where the view of the sprint is: the focused item, else what is at the top of the list (team
 * `''`: the issue's own sections at the top of the sprint).
 */
function viewOf(main: HTMLElement): PresenceView {
  const focused = document.activeElement?.closest('[data-item-row]')
  const at = focused ?? topElement(main)
  const team = at?.closest<HTMLElement>('[data-team-id]')?.dataset.teamId ?? ''
  const item = at?.closest('[data-item-row]')?.getAttribute('data-item-row') ?? ''
  return { team: team.slice(0, 64), item: item.slice(0, 64) }
}

function topElement(main: HTMLElement): Element | null {
  const box = main.getBoundingClientRect()
  const bar = main.querySelector('.meeting-bar')?.getBoundingClientRect().height ?? 0
  const x = box.left + Math.min(120, box.width / 3)
  for (const dy of [bar + 12, bar + 60, bar + 140]) {
    const el = document.elementFromPoint(x, box.top + dy)
    if (el?.closest('[data-team-id], .global-panel')) return el
  }
  return null
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
  )
}

function isEditKey(key: string): boolean {
  return key === 'Backspace' || key === 'Delete' || key === 'Enter'
}
