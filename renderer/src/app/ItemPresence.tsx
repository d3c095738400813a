import { useSyncExternalStore } from 'react'
import type { OpenSprint } from '../store/open-sprint'
import { ItemEditors } from '../sync/ItemEditors'
import { usePeers } from '../sync/useSync'
import type { SyncWiring } from './sync-wiring'

const noSubscribe = (): (() => void) => () => undefined
const noSnapshot = (): undefined => undefined

/** Who else is editing this item, in their colour (nothing when the sprint is not shared). */
export function ItemPresence(props: { wiring: SyncWiring; sprint: OpenSprint; itemId: string }) {
  const sync = props.wiring.syncOf(props.sprint)
  const state = useSyncExternalStore(
    sync?.store.subscribe ?? noSubscribe,
    sync?.store.getSnapshot ?? noSnapshot,
  )
  const peers = usePeers(state?.session)
  return <ItemEditors peers={peers} itemId={props.itemId} />
}
