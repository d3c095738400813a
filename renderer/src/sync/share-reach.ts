/**
 * Who could join a sprint shared from here, as the share panel says it before sharing. The same
 * facts decide what happens on Share (`shareSprint`): this device serves signaling on the LAN
 * only in the desktop app; otherwise others find it only through a signaling server (remembered
 * for the sprint from its join link, or set in the settings); and without ICE (STUN/TURN)
 * servers, peers connect only to people on the same network.
 */
export interface ShareReach {
  /** This device serves signaling on its network (the desktop app). */
  canServeLan: boolean
  /** Signaling servers others can find this sprint through. */
  signaling: readonly string[]
  /** STUN/TURN servers are set, so peers can connect across networks. */
  hasIceServers: boolean
  /** The always-on Sprintpad server the sprint would be kept on, if any. */
  server?: string
}

/** What the panel says before sharing, and whether sharing would let anyone in. */
export interface ReachText {
  text: string
  canShare: boolean
}

const PRIVACY =
  'Edits go straight between your devices, never through a server of ours; the link carries a secret only the people you send it to have.'

/** The host names of signaling URLs, for a sentence ("team.example.org and 1 more"). */
export function signalingHosts(urls: readonly string[]): string {
  const host = (url: string): string => {
    try {
      return new URL(url).host
    } catch {
      return url
    }
  }
  const [first, ...rest] = urls
  if (first === undefined) return ''
  return rest.length === 0 ? host(first) : `${host(first)} and ${rest.length} more`
}

/** The share panel's promise, kept to what sharing from here can do. */
export function describeReach(reach: ShareReach): ReachText {
  if (reach.server) {
    const server = signalingHosts([reach.server])
    return {
      text: `Anyone with the link or code can join and edit this sprint with you, live or later: it is kept on your team’s server ${server} too, which stores a copy (never the link’s secret) and passes changes on when nobody else is online.`,
      canShare: true,
    }
  }
  const hosts = signalingHosts(reach.signaling)
  if (!reach.canServeLan && !hosts) {
    return {
      text: 'A browser cannot be found by others on its own: add a signaling server in Sync settings first. (The desktop app needs none on the same network.)',
      canShare: false,
    }
  }
  let who: string
  if (reach.canServeLan && hosts && reach.hasIceServers)
    who = `People on your network, and anyone who can reach ${hosts},`
  else if (reach.canServeLan) who = 'People on your network'
  else if (reach.hasIceServers) who = `Anyone who can reach ${hosts}`
  else who = `People on your network, through ${hosts},`
  return {
    text: `${who} can join with the link or code and edit this sprint with you, live. ${PRIVACY}`,
    canShare: true,
  }
}
