import Bonjour from 'bonjour-service'

/** The DNS-SD service type of a Sprintpad signaling server (`_sprintpad._tcp`). */
export const SERVICE_TYPE = 'sprintpad'

/** A signaling server seen on the LAN ("Sprintpad sessions nearby"). */
export interface NearbySession {
  name: string
  /** `ws://address:port` URLs, IPv4 first. */
  urls: string[]
}

/**
 * Advertises a signaling server with mDNS. Best effort only: where multicast is blocked nothing
 * is found, which is why the join link carries the server's address itself. No secret or room id
 * is advertised, only that a Sprintpad server listens on this port.
 */
export function advertise(opts: { port: number; name: string }): { stop: () => Promise<void> } {
  const bonjour = new Bonjour(undefined, () => undefined)
  bonjour.publish({ name: opts.name, type: SERVICE_TYPE, port: opts.port, txt: { v: '1' } })
  return { stop: () => destroy(bonjour) }
}

/** Browses the LAN for advertised servers; `onChange` gets the full current list each time. */
export function browse(onChange: (sessions: NearbySession[]) => void): {
  stop: () => Promise<void>
} {
  const bonjour = new Bonjour(undefined, () => undefined)
  const browser = bonjour.find({ type: SERVICE_TYPE })
  const emit = (): void =>
    onChange(
      browser.services.map((s) => ({
        name: String(s.name).slice(0, 100),
        urls: (s.addresses ?? [])
          .filter((a) => /^[\d.]+$/.test(a) || a.includes(':'))
          .sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')))
          .map((a) => `ws://${a.includes(':') ? `[${a}]` : a}:${s.port}`),
      })),
    )
  browser.on('up', emit)
  browser.on('down', emit)
  return {
    stop: async () => {
      browser.stop()
      await destroy(bonjour)
    },
  }
}

function destroy(bonjour: Bonjour): Promise<void> {
  return new Promise((resolve) => {
    bonjour.unpublishAll(() => bonjour.destroy(() => resolve()))
  })
}
