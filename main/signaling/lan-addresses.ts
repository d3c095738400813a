import { networkInterfaces } from 'node:os'

/**
 * This machine's external IPv4 addresses, private LAN ranges (192.168/16, 10/8, 172.16/12)
 * first, so the first one is the likeliest to be reachable by a laptop on the same Wi-Fi.
 */
export function lanAddresses(): string[] {
  const found: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) found.push(info.address)
    }
  }
  return [...new Set(found)].sort((a, b) => rank(a) - rank(b))
}

function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0
  if (address.startsWith('10.')) return 1
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2
  if (address.startsWith('169.254.')) return 4
  return 3
}
