// First, before any module that uses zod: switch zod to jitless mode so its eval probe does not
// trip the app's CSP (see platform/csp-compat).
import './platform/csp-compat'
import './platform'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { SprintRegistry } from './store/registry'
import { ToastStore } from './app/toast'
import { SyncWiring } from './app/sync-wiring'
import { syncExtensions } from './app/sync-extensions'
import { SettingsStore } from './sync/sync-settings'
import { startEarlyOpens } from './app/early-open'
import './styles/base.css'
import './styles/editor.css'
import './styles/items.css'
import './styles/export.css'
import './styles/home.css'
import './styles/notes.css'
import './styles/sync.css'
import './styles/history.css'
import './styles/meeting.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
const registry = new SprintRegistry()
// Sync (share / join / presence) plugs in through the `extensions` prop.
const extensions = syncExtensions(new SyncWiring(new SettingsStore()), registry)
// A sprint named by the URL starts loading now, while the sprint view's chunks arrive.
startEarlyOpens(extensions.prepareSprint)
createRoot(root).render(
  <StrictMode>
    <App registry={registry} toasts={new ToastStore()} extensions={extensions} />
  </StrictMode>,
)
