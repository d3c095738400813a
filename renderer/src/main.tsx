// First: the platform layer configures libraries for the app's CSP before anything uses them.
import './platform'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { SprintRegistry } from './store/registry'
import { ToastStore } from './app/toast'
import './styles/base.css'
import './styles/editor.css'
import './styles/items.css'
import './styles/export.css'
import './styles/home.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
// Sync (share / join / presence) plugs in here through the `extensions` prop.
createRoot(root).render(
  <StrictMode>
    <App registry={new SprintRegistry()} toasts={new ToastStore()} />
  </StrictMode>,
)
