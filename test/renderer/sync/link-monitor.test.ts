import { describe, expect, it } from 'vitest'
import type { WebrtcConn, WebrtcProvider } from 'y-webrtc'
import {
  CONNECT_DEADLINE_MS,
  LinkMonitor,
  LIVE_LINK_MS,
  MAX_BACKOFF,
  SILENT_LINK_MS,
} from '../../../renderer/src/sync/link-monitor'

/** The part of y-webrtc's provider and connections the monitor reads: the room's connections. */
function world(n: number) {
  const destroyed: string[] = []
  const conns = new Map<string, WebrtcConn>()
  /** A fresh connection to peer `i`, as y-webrtc makes one (again, after a drop). */
  const connect = (i: number): void => {
    const id = `peer-${i}`
    const conn = { remotePeerId: id, closed: false, peer: { destroy: () => destroyed.push(id) } }
    conns.set(id, conn as unknown as WebrtcConn)
  }
  for (let i = 0; i < n; i++) connect(i)
  const provider = { room: { webrtcConns: conns } } as unknown as WebrtcProvider
  const conn = (i: number): WebrtcConn => conns.get(`peer-${i}`) as WebrtcConn
  return { provider, conn, connect, destroyed }
}

describe('LinkMonitor', () => {
  it('drops a connection that delivers nothing within its deadline, so it is retried', () => {
    const { provider, destroyed } = world(1)
    const monitor = new LinkMonitor(provider, [6000, 10_000], () => 0.5)
    monitor.check(0)
    monitor.check(7999)
    expect(destroyed).toEqual([])
    monitor.check(8001)
    expect(destroyed).toEqual(['peer-0'])
    expect(monitor.drops).toBe(1)
  })

  it('never drops a connection that delivers, however the room was synced', () => {
    const { provider, conn, destroyed } = world(1)
    const monitor = new LinkMonitor(provider, CONNECT_DEADLINE_MS.lan, () => 0)
    for (let t = 0; t <= 120_000; t += 1000) {
      monitor.heard(conn(0), t)
      monitor.check(t + 500)
    }
    expect(destroyed).toEqual([])
  })

  it('drops a connection that went silent for longer than a live link ever is', () => {
    const { provider, conn, destroyed } = world(1)
    const monitor = new LinkMonitor(provider, CONNECT_DEADLINE_MS.lan, () => 0)
    monitor.heard(conn(0), 1000)
    monitor.check(1000 + SILENT_LINK_MS)
    expect(destroyed).toEqual([])
    monitor.check(1001 + SILENT_LINK_MS)
    expect(destroyed).toEqual(['peer-0'])
  })

  it('counts links by what arrives over them', () => {
    const { provider, conn } = world(4)
    const monitor = new LinkMonitor(provider)
    expect(monitor.heard(conn(0), 10_000)).toBe(true)
    expect(monitor.heard(conn(0), 10_100)).toBe(false)
    monitor.heard(conn(1), 10_000 - LIVE_LINK_MS - 1)
    ;(conn(3) as { closed: boolean }).closed = true
    expect(monitor.counts(10_000)).toEqual({ live: 1, quiet: 1, connecting: 1 })
    expect(monitor.heard(conn(1), 10_000)).toBe(true)
    expect(monitor.counts(10_000)).toEqual({ live: 2, quiet: 0, connecting: 1 })
  })

  it('tells the links that ended from connections that never delivered', () => {
    const { provider, conn } = world(3)
    const monitor = new LinkMonitor(provider)
    monitor.heard(conn(0), 1000)
    monitor.heard(conn(2), 1000)
    expect(monitor.linkedIds()).toEqual(['peer-0', 'peer-2'])
    // However long ago they delivered (a busy machine's late heartbeats), until closed.
    expect(monitor.counts(1000 + LIVE_LINK_MS + 1)).toEqual({ live: 0, quiet: 2, connecting: 1 })
    expect(monitor.linkedIds()).toEqual(['peer-0', 'peer-2'])
    ;(conn(2) as { closed: boolean }).closed = true
    expect(monitor.linkedIds()).toEqual(['peer-0'])
    // peer-1 never delivered (no direct path): its retries say nothing about its presence.
    expect(monitor.closed(['peer-0', 'peer-1'])).toEqual(['peer-0'])
    // Forgotten once closed: a new connection to peer-0 that never delivers ends unnoticed.
    expect(monitor.closed(['peer-0'])).toEqual([])
  })

  it('doubles the connect deadline for each stuck drop in a row to the same peer', () => {
    const { provider, conn, connect, destroyed } = world(1)
    const monitor = new LinkMonitor(provider, [1000, 1000], () => 0)
    let t = 0
    const deadlines: number[] = []
    for (let attempt = 0; attempt < 5; attempt++) {
      connect(0)
      const start = t
      monitor.check(t)
      while (destroyed.length === attempt) monitor.check((t += 100))
      deadlines.push(t - start)
    }
    expect(deadlines).toEqual([1100, 2100, 4100, 8100, 8100])
    expect(MAX_BACKOFF).toBe(8)
    // Once one delivers, the next connection to that peer gets the plain deadline again.
    monitor.heard(conn(0), t)
    connect(0)
    const start = t
    monitor.check(t)
    while (destroyed.length === 5) monitor.check((t += 100))
    expect(t - start).toBe(1100)
  })
})
