import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { platform } from '../platform'
import type { OpenSprint } from '../store/open-sprint'
import { SyncControls } from '../sync/SyncControls'
import { usePeers } from '../sync/useSync'
import type { Peer } from '../../../shared/sync'
import type { SyncWiring } from './sync-wiring'
import { FollowChip } from './FollowChip'
import { peerDevice, useFollowing, usePublishView, type FollowTarget } from './useFollow'

/**
 * The sprint header's sync area: connection, who is here (each person's avatar follows them),
 * Share, and sync settings. Also tells the others which item this person is editing (the focused
 * item row) and where in the sprint they are, and shows whom this laptop follows.
 */
export function SprintSyncBar(props: { wiring: SyncWiring; sprint: OpenSprint }) {
  const sync = props.wiring.syncOf(props.sprint)
  const state = useSyncExternalStore(
    sync?.store.subscribe ?? noSubscribe,
    sync?.store.getSnapshot ?? noSnapshot,
  )
  const session = state?.session
  const peers = usePeers(session)
  const [followed, setFollowed] = useState<FollowTarget | undefined>()
  const following = useRef<FollowTarget | undefined>(undefined)
  const live = useRef<HTMLSpanElement>(null)
  const stop = useCallback((reason: StopReason): void => {
    const was = following.current
    following.current = undefined
    setFollowed(undefined)
    if (was && live.current)
      live.current.textContent = `Stopped following ${was.name}${WHY[reason]}`
  }, [])
  const follow = useCallback((target: FollowTarget): void => {
    following.current = target
    setFollowed(target)
    if (live.current) live.current.textContent = `Following ${target.name}`
  }, [])
  useFollowing(peers, followed, stop)
  usePublishView(session)

  useEffect(() => {
    if (!session) return
    const rowOf = (el: EventTarget | null): string | null =>
      el instanceof Element
        ? (el.closest('[data-item-row]')?.getAttribute('data-item-row') ?? null)
        : null
    const onFocus = (e: FocusEvent): void => session.setEditing(rowOf(e.target))
    const onBlur = (e: FocusEvent): void => {
      if (rowOf(e.relatedTarget) === null) session.setEditing(null)
    }
    document.addEventListener('focusin', onFocus)
    document.addEventListener('focusout', onBlur)
    return () => {
      document.removeEventListener('focusin', onFocus)
      document.removeEventListener('focusout', onBlur)
    }
  }, [session])

  if (!sync) return null
  const toggle = (peer: Peer): void => {
    if (followed?.device === peerDevice(peer)) stop('pressed')
    else follow({ device: peerDevice(peer), name: peer.user.name })
  }
  return (
    <div className="sprint-sync-bar">
      <SyncControls
        sync={sync}
        settings={props.wiring.settings}
        copy={(t) => platform.copyText(t)}
        onOpenSettings={() => props.wiring.show({ kind: 'settings' })}
        follow={{ followed: followed?.device, onToggle: toggle }}
      />
      <FollowChip
        peers={peers}
        followed={followed}
        onFollow={follow}
        onStop={() => stop('pressed')}
      />
      <span ref={live} className="visually-hidden" role="status" aria-live="polite" />
    </div>
  )
}

type StopReason = 'typed' | 'scrolled' | 'escape' | 'pressed'

const WHY: Record<StopReason, string> = {
  typed: ': you typed',
  scrolled: ': you scrolled',
  escape: '',
  pressed: '',
}

const noSubscribe = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined
