import type { NetworkInterfaceInfo } from 'node:os'

/** The signaling server as main drives it (main/signaling/server.ts). */
export interface SignalingServerLike {
  start(): Promise<{ port: number }>
  stop(): Promise<void>
}

/**
 * The WebSocket URLs peers on the LAN can reach a server on `port` at: every non-internal IPv4
 * address (sorted, private ranges first), or the loopback address when the machine has none.
 */
export function lanSignalingUrls(
  interfaces: Record<string, NetworkInterfaceInfo[] | undefined>,
  port: number,
): string[] {
  const addresses = new Set<string>()
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal) addresses.add(info.address)
    }
  }
  const sorted = [...addresses].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const hosts = sorted.length > 0 ? sorted : ['127.0.0.1']
  return hosts.map((host) => `ws://${host}:${port}`)
}

function rank(address: string): number {
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address)) return 0
  if (address.startsWith('169.254.')) return 2
  return 1
}

/**
 * Starts and stops the LAN signaling server on request. Starting twice answers the same URLs;
 * a start during a stop (or the reverse) waits for the other to finish.
 */
export class LanSignaling {
  readonly #create: () => SignalingServerLike
  readonly #interfaces: () => Record<string, NetworkInterfaceInfo[] | undefined>
  #running: { server: SignalingServerLike; port: number } | null = null
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: {
    create: () => SignalingServerLike
    interfaces: () => Record<string, NetworkInterfaceInfo[] | undefined>
  }) {
    this.#create = options.create
    this.#interfaces = options.interfaces
  }

  start(): Promise<{ urls: string[] }> {
    return this.#serialise(async () => {
      if (!this.#running) {
        const server = this.#create()
        const { port } = await server.start()
        this.#running = { server, port }
      }
      return { urls: lanSignalingUrls(this.#interfaces(), this.#running.port) }
    })
  }

  stop(): Promise<null> {
    return this.#serialise(async () => {
      const running = this.#running
      this.#running = null
      await running?.server.stop()
      return null
    })
  }

  #serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task)
    this.#queue = run.catch(() => undefined)
    return run
  }
}
