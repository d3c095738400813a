import { useEffect, useState, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint } from '../../../../shared/doc'
import type { SyncPlatform } from '../rooms'
import { SprintSync } from '../sprint-sync'
import { SettingsStore } from '../sync-settings'
import { SyncControls } from '../SyncControls'
import { JoinDialog } from '../JoinDialog'
import { SyncSettingsForm } from '../SyncSettingsForm'
import { AppPeer, itemIds } from './AppPeer'
import { LatencyLog, type HarnessConfig } from './harness-config'

/**
 * The share / join / presence UI over an in-memory platform whose "LAN signaling server" is the
 * test's server on 127.0.0.1 (what main's `sync:startLanSignaling` answers on the desktop).
 */
function harnessPlatform(signaling: readonly string[]): SyncPlatform {
  const rooms = new Map<string, { room: string; secret: string }>()
  return {
    canServeLanSignaling: true,
    getRoom: async ({ sprintId }) => rooms.get(sprintId) ?? null,
    setRoom: async ({ sprintId, room, secret }) => void rooms.set(sprintId, { room, secret }),
    clearRoom: async ({ sprintId }) => void rooms.delete(sprintId),
    startLanSignaling: async () => ({ urls: [...signaling] }),
    stopLanSignaling: async () => null,
  }
}

interface Opened {
  doc: Y.Doc
  sync: SprintSync
}

export function UiPeer(props: { config: HarnessConfig }) {
  const { config } = props
  const [settings] = useState(() => new SettingsStore())
  const [platform] = useState(() => harnessPlatform(config.isCreator ? config.signaling : []))
  const [opened, setOpened] = useState<Opened | undefined>(() => {
    if (!config.isCreator) return undefined
    const doc = new Y.Doc()
    createSprint(doc, {
      id: 'sprint-ui',
      title: 'Shared sprint',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    const teamId = addTeam(doc, { id: 'team-1', name: 'Team A' })
    for (const id of itemIds(config.items)) addItem(doc, { id, teamId, section: 'goals', text: '' })
    return {
      doc,
      sync: new SprintSync('sprint-ui', doc, platform, () => settings.store.getSnapshot()),
    }
  })
  const [isJoinOpen, setJoinOpen] = useState(false)
  const [log] = useState(() => new LatencyLog())
  const current = useSyncExternalStore(settings.store.subscribe, settings.store.getSnapshot)
  return (
    <>
      <SyncSettingsForm settings={current} onSave={(s) => settings.save(s)} />
      {!opened && (
        <button type="button" onClick={() => setJoinOpen(true)}>
          Join a sprint
        </button>
      )}
      {isJoinOpen && (
        <JoinDialog
          settings={current}
          onClose={() => setJoinOpen(false)}
          onSaveUser={(user) => settings.save({ ...current, user })}
          onJoined={(fetched, info) => {
            const doc = new Y.Doc()
            Y.applyUpdate(doc, fetched.update)
            const sync = new SprintSync(fetched.sprintId, doc, platform, () =>
              settings.store.getSnapshot(),
            )
            void sync.joined(info)
            setJoinOpen(false)
            setOpened({ doc, sync })
          }}
        />
      )}
      {opened && <OpenedView opened={opened} settings={settings} log={log} items={config.items} />}
    </>
  )
}

function OpenedView(props: {
  opened: Opened
  settings: SettingsStore
  log: LatencyLog
  items: number
}) {
  const { sync, doc } = props.opened
  const state = useSyncExternalStore(sync.store.subscribe, sync.store.getSnapshot)
  useEffect(() => {
    // For test diagnostics: the page's doc and sync state.
    ;(window as unknown as { harness: unknown }).harness = { doc, sync, session: state.session }
  }, [doc, sync, state.session])
  return (
    <AppPeer
      doc={doc}
      session={state.session}
      log={props.log}
      items={props.items}
      controls={
        <SyncControls
          sync={sync}
          settings={props.settings}
          copy={(t) => navigator.clipboard.writeText(t)}
        />
      }
    />
  )
}
