import { createRoot } from 'react-dom/client'
import * as Y from 'yjs'
import * as doc from '../../../../shared/doc'
import * as sync from '../../../../shared/sync'
import { readHarnessConfig } from './harness-config'
import { AppPeer, startAppPeer } from './AppPeer'
import { startBarePeer } from './bare-peer'
import { startHostilePeer } from './hostile-peer'
import { startStorePeer } from './store-peer'
import { UiPeer } from './UiPeer'

/**
 * Test entry (renderer/sync-harness.html): one peer of the multi-process end-to-end tests and the
 * sync benchmark, or the storage benchmark's bare y-indexeddb page (`mode=store`). Not part of
 * the app bundle; the tests build it with Vite themselves.
 */
const config = readHarnessConfig(location.hash)
const root = document.getElementById('root') as HTMLElement
const w = window as unknown as Record<string, unknown>
w.Y = Y
w.sprintDoc = doc
w.sprintSync = sync
if (config.mode === 'ui') {
  createRoot(root).render(<UiPeer config={config} />)
} else if (config.mode === 'app') {
  const peer = startAppPeer(config)
  w.harness = peer
  createRoot(root).render(
    <AppPeer doc={peer.doc} session={peer.session} log={peer.log} items={config.items} />,
  )
} else if (config.mode === 'bare') {
  w.harness = startBarePeer(config, root)
} else if (config.mode === 'store') {
  w.harness = startStorePeer(config, root)
} else {
  w.harness = startHostilePeer(config)
}
