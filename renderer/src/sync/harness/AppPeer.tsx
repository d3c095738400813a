import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  getItemText,
  readSprint,
  setSprintMeta,
} from '../../../../shared/doc'
import { SyncSession } from '../sync-session'
import type { Rejection } from '../guard-conns'
import { ConnectionIndicator } from '../ConnectionIndicator'
import { PresenceBar } from '../PresenceBar'
import { ItemEditors } from '../ItemEditors'
import { usePeers, useSyncStatus } from '../useSync'
import { diffWithCaret } from '../../editor/text-diff'
import { LatencyLog, type HarnessConfig } from './harness-config'
import type { Peer } from '../../../../shared/sync'

/** The ids of the harness sprint's items (the creator makes them; all peers bind to them). */
export function itemIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `item-${i + 1}`)
}

/** Sets up the doc and the session once per page. */
export function startAppPeer(config: HarnessConfig): {
  doc: Y.Doc
  session: SyncSession
  rejections: Rejection[]
  log: LatencyLog
} {
  const doc = new Y.Doc()
  if (config.isCreator) {
    createSprint(doc, {
      id: 'sprint-1',
      title: 'Harness sprint',
      startDate: '2024-07-01',
      endDate: '2024-07-12',
    })
    const teamId = addTeam(doc, { id: 'team-1', name: 'Team A' })
    for (const id of itemIds(config.items)) addItem(doc, { id, teamId, section: 'goals', text: '' })
  }
  const rejections: Rejection[] = []
  const session = new SyncSession(doc, {
    room: config.room,
    secret: config.secret,
    signaling: config.signaling,
    iceServers: [],
    user: { name: config.name, color: config.color, handle: config.handle },
    onRejected: (r) => rejections.push(r),
  })
  return { doc, session, rejections, log: new LatencyLog() }
}

/** A minimal sprint view over the real session, guard and presence components. */
export function AppPeer(props: {
  doc: Y.Doc
  session: SyncSession | undefined
  log: LatencyLog
  items: number
  /** Replaces the default indicator + presence bar (the UI harness passes SyncControls). */
  controls?: ReactNode
}) {
  const status = useSyncStatus(props.session)
  const peers = usePeers(props.session)
  const [, setVersion] = useState(0)
  useEffect(() => {
    // Items arrive over the network: re-render when the items map changes.
    const items = props.doc.getMap('items')
    const h = (): void => setVersion((v) => v + 1)
    const meta = props.doc.getMap('meta')
    items.observe(h)
    meta.observe(h)
    return () => {
      items.unobserve(h)
      meta.unobserve(h)
    }
  }, [props.doc])
  const view = readSprint(props.doc)
  return (
    <main>
      <header>
        <h1>{view.meta.title || 'Waiting for the sprint…'}</h1>
        {props.controls ?? (
          <>
            <ConnectionIndicator status={status} />
            <PresenceBar peers={peers} />
          </>
        )}
      </header>
      <input
        aria-label="Sprint title"
        value={view.meta.title}
        onChange={(e) => setSprintMeta(props.doc, { title: e.target.value })}
      />
      <p aria-label="Teams">{view.teams.map((t) => t.name).join(', ') || 'No teams'}</p>
      {itemIds(props.items).map((id) => (
        <ItemField key={id} id={id} peers={peers} {...props} />
      ))}
    </main>
  )
}

function ItemField(props: {
  id: string
  doc: Y.Doc
  session: SyncSession | undefined
  log: LatencyLog
  peers: readonly Peer[]
}) {
  const { doc, id, log, session } = props
  const ref = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState(() => getItemText(doc, id)?.toString() ?? '')
  const [isBound, setBound] = useState(() => getItemText(doc, id) !== undefined)
  useEffect(() => {
    const bind = (): (() => void) | undefined => {
      const t = getItemText(doc, id)
      if (!t) return undefined
      setBound(true)
      const h = (): void => setText(t.toString())
      t.observe(h)
      h()
      return () => t.unobserve(h)
    }
    let unbind = bind()
    const items = doc.getMap('items')
    const onItems = (): void => {
      if (!unbind) unbind = bind()
    }
    items.observe(onItems)
    return () => {
      items.unobserve(onItems)
      unbind?.()
    }
  }, [doc, id])
  useLayoutEffect(() => {
    log.markRendered(text.length)
  }, [text, log])
  return (
    <p>
      <textarea
        ref={ref}
        aria-label={`Item ${id}`}
        disabled={!isBound}
        value={text}
        onKeyDown={(e) => {
          if (e.key.length === 1) log.markTyped(text.length + 1)
        }}
        onFocus={() => session?.setEditing(id)}
        onBlur={() => session?.setEditing(null)}
        onChange={(e) => {
          const next = e.target.value
          const edit = diffWithCaret(text, next, e.target.selectionStart)
          if (edit) editItemText(doc, { itemId: id, ...edit })
        }}
      />
      <ItemEditors peers={props.peers} itemId={id} />
    </p>
  )
}
