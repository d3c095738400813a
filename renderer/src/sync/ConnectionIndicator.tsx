import type { SyncStatus } from './sync-session'
import type { ServerState } from './server-link'

/** What the indicator says for a status; exported for tests. */
export function describeStatus(status: SyncStatus | undefined): { text: string; tone: string } {
  if (!status) return { text: 'Not shared — saved on this device', tone: 'local' }
  const peersPart = describePeers(status)
  const server = status.server
  if (!server) return peersPart
  if (!status.isOnline) {
    return { text: 'Offline — saving on this device; the server gets it later', tone: 'offline' }
  }
  // With a server, signaling is one way of several to reach the others: not worth a mention.
  const who =
    status.peers > 0
      ? peerCount(status.peers)
      : status.pending === undefined
        ? 'Nobody else here now'
        : peersPart.text
  const text = `${who} · ${describeServer(server)}`
  const tone =
    status.peers > 0 || server.connection === 'connected'
      ? 'connected'
      : server.connection === 'connecting'
        ? 'waiting'
        : 'offline'
  return { text, tone }
}

/** Whether the always-on server has the sprint, as a clause of the indicator. */
export function describeServer(server: ServerState): string {
  switch (server.connection) {
    case 'connected':
      return server.isSaved ? 'saved on the server' : 'saving to the server…'
    case 'connecting':
      return 'connecting to the server…'
    case 'offline':
      return 'only on this laptop: server unreachable'
    case 'refused':
      return 'the server refused this sprint'
  }
}

function describePeers(status: SyncStatus): { text: string; tone: string } {
  if (!status.isOnline) return { text: 'Offline — still saving on this device', tone: 'offline' }
  const peers = peerCount(status.peers)
  const isReachable = status.signalingConnected > 0
  if (status.peers > 0) {
    return isReachable
      ? { text: peers, tone: 'connected' }
      : { text: `${peers} · signaling unreachable`, tone: 'connected' }
  }
  // Links exist but nothing arrives over them: never "connected" while nothing flows.
  if (status.pending === 'reconnecting') {
    return { text: 'Reconnecting — edits are saved here meanwhile', tone: 'waiting' }
  }
  if (status.pending === 'connecting') return { text: 'Connecting to others…', tone: 'waiting' }
  if (status.signalingTotal === 0) {
    return { text: 'No signaling server set — add one in settings', tone: 'offline' }
  }
  return isReachable
    ? { text: 'Waiting for others to join', tone: 'waiting' }
    : { text: 'Signaling unreachable — saving on this device', tone: 'offline' }
}

/** Peers heard from, (re)connecting, signaling reachable or not, offline (still saving locally). */
export function ConnectionIndicator(props: { status: SyncStatus | undefined }) {
  const { text, tone } = describeStatus(props.status)
  const rejected = props.status?.rejected ?? 0
  return (
    <span className={`sync-indicator sync-${tone}`} role="status" aria-label="Connection">
      <span className="dot" aria-hidden="true" />
      {text}
      {rejected > 0 && (
        <span className="sync-rejected" title="Malformed or suspicious messages from peers">
          {' '}
          · {rejected} ignored
        </span>
      )}
    </span>
  )
}

function peerCount(n: number): string {
  return n === 1 ? '1 peer connected' : `${n} peers connected`
}
