import { connect as tcpConnect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { SignalingServer, type SignalingServerOptions } from '../../../main/signaling/server'

const servers: SignalingServer[] = []
const sockets: WebSocket[] = []

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate()
  await Promise.all(servers.splice(0).map((s) => s.stop()))
})

async function startServer(opts: SignalingServerOptions = {}): Promise<{
  server: SignalingServer
  url: string
}> {
  const server = new SignalingServer({ host: '127.0.0.1', ...opts })
  servers.push(server)
  const { port } = await server.start()
  return { server, url: `ws://127.0.0.1:${port}` }
}

/** A real WebSocket client that records every JSON message it receives. */
interface Client {
  ws: WebSocket
  received: unknown[]
  next: () => Promise<unknown>
  send: (msg: unknown) => void
}

async function open(url: string): Promise<Client> {
  const ws = new WebSocket(url)
  sockets.push(ws)
  const received: unknown[] = []
  const waiters: ((m: unknown) => void)[] = []
  ws.on('message', (data: Buffer) => {
    const m: unknown = JSON.parse(data.toString())
    const w = waiters.shift()
    if (w) w(m)
    else received.push(m)
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  return {
    ws,
    received,
    next: () =>
      received.length > 0
        ? Promise.resolve(received.shift())
        : new Promise((resolve, reject) => {
            const t = setTimeout(() => reject(new Error('no message within 2 s')), 2000)
            waiters.push((m) => {
              clearTimeout(t)
              resolve(m)
            })
          }),
    send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
  }
}

/** A ping round trip: proves every earlier message of this client was processed. */
async function roundTrip(c: Client): Promise<void> {
  c.send({ type: 'ping' })
  expect(await c.next()).toEqual({ type: 'pong' })
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('SignalingServer protocol', () => {
  it('relays a publish to every subscriber of the topic, sender included', async () => {
    const { url } = await startServer()
    const [a, b, c] = await Promise.all([open(url), open(url), open(url)])
    a.send({ type: 'subscribe', topics: ['room-1'] })
    b.send({ type: 'subscribe', topics: ['room-1'] })
    c.send({ type: 'subscribe', topics: ['room-2'] })
    await Promise.all([roundTrip(a), roundTrip(b), roundTrip(c)])
    a.send({ type: 'publish', topic: 'room-1', data: 'ciphertext', extra: 'dropped' })
    const expected = { type: 'publish', topic: 'room-1', data: 'ciphertext', clients: 2 }
    expect(await a.next()).toEqual(expected)
    expect(await b.next()).toEqual(expected)
    await roundTrip(c)
    expect(c.received).toEqual([])
  })

  it('stops relaying after unsubscribe, and ignores publishes to topics one is not in', async () => {
    const { url, server } = await startServer()
    const [a, b] = await Promise.all([open(url), open(url)])
    a.send({ type: 'subscribe', topics: ['r'] })
    b.send({ type: 'subscribe', topics: ['r'] })
    await Promise.all([roundTrip(a), roundTrip(b)])
    b.send({ type: 'unsubscribe', topics: ['r'] })
    await roundTrip(b)
    a.send({ type: 'publish', topic: 'r', data: { x: 1 } })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'r', data: { x: 1 }, clients: 1 })
    b.send({ type: 'publish', topic: 'r', data: 'not subscribed' })
    await Promise.all([roundTrip(a), roundTrip(b)])
    expect(a.received).toEqual([])
    expect(b.received).toEqual([])
    expect(server.stats()).toEqual({ connections: 2, topics: 1, subscriptions: 1 })
  })

  it('reports ws:// URLs of the bound host', async () => {
    const { server, url } = await startServer()
    expect(server.addresses()).toEqual([url])
  })

  it('answers plain HTTP (a health check) without upgrading', async () => {
    const { url } = await startServer()
    const res = await fetch(url.replace('ws:', 'http:'))
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Sprintpad signaling')
  })
})

describe('SignalingServer robustness', () => {
  it('ignores malformed JSON and odd shapes and keeps serving the connection', async () => {
    const { url, server } = await startServer()
    const a = await open(url)
    for (const junk of [
      '{not json',
      '',
      'null',
      '42',
      '"publish"',
      '[1,2]',
      '{"type":"subscribe","topics":"room"}',
      '{"type":"subscribe","topics":[1,null,{},""]}',
      '{"type":"publish"}',
      '{"type":"publish","topic":{"a":1}}',
      '{"type":"unknown"}',
      '{"type":"__proto__"}',
    ]) {
      a.send(junk)
    }
    a.ws.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true })
    await roundTrip(a)
    expect(server.stats()).toEqual({ connections: 1, topics: 0, subscriptions: 0 })
    a.send({ type: 'subscribe', topics: ['ok'] })
    a.send({ type: 'publish', topic: 'ok', data: 1 })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'ok', data: 1, clients: 1 })
  })

  it('closes a connection that sends an oversize message (1009) and serves the others', async () => {
    const { url, server } = await startServer({ maxMessageBytes: 1024 })
    const [big, other] = await Promise.all([open(url), open(url)])
    big.send({ type: 'subscribe', topics: ['r'] })
    await roundTrip(big)
    const closed = new Promise<number>((resolve) => big.ws.once('close', (code) => resolve(code)))
    big.send({ type: 'publish', topic: 'r', data: 'x'.repeat(4096) })
    expect(await closed).toBe(1009)
    await until(() => server.stats().connections === 1)
    expect(server.stats()).toEqual({ connections: 1, topics: 0, subscriptions: 0 })
    await roundTrip(other)
  })

  it('caps the topics one connection may subscribe to, and the topic name length', async () => {
    const { url, server } = await startServer({ maxTopicsPerConnection: 5, maxTopicLength: 64 })
    const a = await open(url)
    a.send({ type: 'subscribe', topics: Array.from({ length: 100 }, (_, i) => `t${i}`) })
    a.send({ type: 'subscribe', topics: ['late-1', 'late-2'] })
    a.send({ type: 'subscribe', topics: ['t0', 'x'.repeat(65)] })
    await roundTrip(a)
    expect(server.stats()).toEqual({ connections: 1, topics: 5, subscriptions: 5 })
    a.send({ type: 'unsubscribe', topics: ['t0'] })
    a.send({ type: 'subscribe', topics: ['late-1'] })
    await roundTrip(a)
    a.send({ type: 'publish', topic: 'late-1', data: 'ok' })
    expect(await a.next()).toEqual({ type: 'publish', topic: 'late-1', data: 'ok', clients: 1 })
  })

  it('refuses connections beyond the limit with 503 and accepts again once one leaves', async () => {
    const { url, server } = await startServer({ maxConnections: 3 })
    const clients = await Promise.all([open(url), open(url), open(url)])
    await expect(open(url)).rejects.toThrow('HTTP 503')
    expect(server.stats().connections).toBe(3)
    clients[0]?.ws.close()
    await until(() => server.stats().connections === 2)
    const again = await open(url)
    await roundTrip(again)
  })

  it('releases every subscription when clients vanish abruptly (no close frame)', async () => {
    const { url, server } = await startServer()
    const clients = await Promise.all(Array.from({ length: 20 }, () => open(url)))
    clients.forEach((c, i) => c.send({ type: 'subscribe', topics: [`room-${i % 4}`, 'shared'] }))
    await Promise.all(clients.map(roundTrip))
    expect(server.stats()).toEqual({ connections: 20, topics: 5, subscriptions: 40 })
    for (const c of clients) c.ws.terminate()
    await until(() => server.stats().connections === 0)
    expect(server.stats()).toEqual({ connections: 0, topics: 0, subscriptions: 0 })
  })

  it('drops a connection that stops answering pings', async () => {
    const { url, server } = await startServer({ pingIntervalMs: 50 })
    const port = Number(new URL(url).port)
    // A hand-made WebSocket handshake over TCP that then never reads or answers anything.
    const raw = tcpConnect(port, '127.0.0.1')
    raw.on('error', () => undefined)
    raw.write(
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    )
    try {
      await until(() => server.stats().connections === 1)
      await until(() => server.stats().connections === 0)
    } finally {
      raw.destroy()
    }
  })

  it('stop() closes every connection and can be called twice', async () => {
    const { url, server } = await startServer()
    const a = await open(url)
    const closed = new Promise<void>((resolve) => a.ws.once('close', () => resolve()))
    await server.stop()
    await closed
    await server.stop()
    expect(server.addresses()).toEqual([])
  })
})
