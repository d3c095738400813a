import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import {
  addItem,
  addTeam,
  createSprint,
  getItemText,
  readSprint,
  setItemText,
} from '../../../shared/doc'
import { generateRoom, serverCredentials, serverEndpoints } from '../../../shared/sync'
import { health, startServerProcess, type ServerProcess } from '../../helpers/server-process'
import { connectClient, type SyncClient } from '../../helpers/sync-client'
import { waitFor } from '../../helpers/wait'

// Real server processes on a shared, busy machine: allow more than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

let dataDir = ''
let server: ServerProcess | undefined
const clients: SyncClient[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-server-'))
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  await server?.kill()
  server = undefined
  await rm(dataDir, { recursive: true, force: true })
})

function client(...args: Parameters<typeof connectClient>): SyncClient {
  const c = connectClient(...args)
  clients.push(c)
  return c
}

function itemTexts(doc: Y.Doc): string[] {
  return readSprint(doc).teams.flatMap((t) => t.sections.flatMap((s) => s.items.map((i) => i.text)))
}

describe('sprintpad-server: people who are never online at the same time', () => {
  it('exchange edits through the server, across a server restart, offline edits included', async () => {
    server = await startServerProcess(['--data', dataDir])
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)

    // Ana plans alone, then goes offline.
    const ana = client(server.base, documentName, token)
    await ana.synced()
    createSprint(ana.doc, { title: 'Sprint - July 1 to July 12', startDate: '', endDate: '' })
    const teamId = addTeam(ana.doc, { name: 'Web' })
    const itemId = addItem(ana.doc, { teamId, section: 'high', text: 'Ship sync' })
    await ana.acknowledged()
    ana.close()
    const anaDoc = ana.doc

    // The server restarts while nobody is connected: the sprint comes from its store.
    expect(await server.stop()).toBe(0)
    server = await startServerProcess(['--data', dataDir])

    // Ben opens the sprint the next day from another network, sees Ana's plan, edits it.
    const ben = client(server.base, documentName, token)
    await ben.synced()
    expect(itemTexts(ben.doc)).toEqual(['Ship sync'])
    setItemText(ben.doc, { itemId, text: 'Ship sync to the server' })
    await ben.acknowledged()
    ben.close()

    // Ana edits offline, then reconnects with the same document: both edits meet.
    const anaItem = addItem(anaDoc, { teamId, section: 'high', text: 'Written offline' })
    const again = client(server.base, documentName, token, anaDoc)
    await again.synced()
    await again.acknowledged()
    await waitFor('Ben’s edit reaches Ana', () =>
      itemTexts(anaDoc).includes('Ship sync to the server'),
    )

    // A third person sees everything, from the server alone.
    const cleo = client(server.base, documentName, token)
    await cleo.synced()
    await waitFor('both edits on the server', () => itemTexts(cleo.doc).length === 2)
    expect(itemTexts(cleo.doc).sort()).toEqual(['Ship sync to the server', 'Written offline'])
    expect(getItemText(cleo.doc, anaItem)?.toString()).toBe('Written offline')
    expect(readSprint(cleo.doc).problems).toEqual([])
  })
})

/** A hand-made Hocuspocus client: the raw messages it receives, by type. */
async function rawSession(
  url: string,
  documentName: string,
  token: string,
): Promise<{ types: number[]; closed: Promise<number> }> {
  const ws = new WebSocket(url)
  const types: number[] = []
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data))
    decoding.readVarString(d)
    types.push(decoding.readVarUint(d))
  })
  const closed = new Promise<number>((ok) => ws.once('close', (code) => ok(code)))
  await new Promise((ok, fail) => {
    ws.once('open', ok)
    ws.once('error', fail)
  })
  // Auth (2) / token (0), then a sync step 1 (0 / 0) asking for everything.
  const auth = encoding.createEncoder()
  encoding.writeVarString(auth, documentName)
  encoding.writeVarUint(auth, 2)
  encoding.writeVarUint(auth, 0)
  encoding.writeVarString(auth, token)
  ws.send(encoding.toUint8Array(auth))
  const step1 = encoding.createEncoder()
  encoding.writeVarString(step1, documentName)
  encoding.writeVarUint(step1, 0)
  encoding.writeVarUint(step1, 0)
  encoding.writeVarUint8Array(step1, Y.encodeStateVector(new Y.Doc()))
  ws.send(encoding.toUint8Array(step1))
  return { types, closed }
}

describe('sprintpad-server: tokens', () => {
  it('gives a wrong token nothing, the same whether or not the sprint exists', async () => {
    server = await startServerProcess(['--data', dataDir])
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    const owner = client(server.base, documentName, token)
    await owner.synced()
    createSprint(owner.doc, { title: 'Secret plans', startDate: '', endDate: '' })
    await owner.acknowledged()

    const wrongToken = serverCredentials(room, generateRoom().secret).token
    const intruder = client(server.base, documentName, wrongToken)
    await waitFor('the token to be refused', () => intruder.isRefused())
    await new Promise((r) => setTimeout(r, 300))
    expect(intruder.doc.share.size).toBe(0)
    expect(Y.encodeStateVector(intruder.doc)).toEqual(Y.encodeStateVector(new Y.Doc()))

    // Raw: an existing sprint and one that never existed get the same single refusal, then close.
    const url = serverEndpoints(server.base).sync
    const absent = serverCredentials(generateRoom().room, generateRoom().secret).documentName
    const onExisting = await rawSession(url, documentName, wrongToken)
    const onAbsent = await rawSession(url, absent, wrongToken)
    expect(await onExisting.closed).toBe(1008)
    expect(await onAbsent.closed).toBe(1008)
    expect(onExisting.types).toEqual([2])
    expect(onAbsent.types).toEqual([2])
    // The secret's token is not in the logs; the refusals are.
    const logText = JSON.stringify(server.logs)
    expect(logText).not.toContain(token)
    expect(logText).not.toContain(wrongToken)
    // The intruder's provider retries after each close; every attempt is refused and logged.
    expect(server.logs.filter((l) => l.event === 'auth_failed').length).toBeGreaterThanOrEqual(3)
    // The owner's sprint is untouched.
    expect(readSprint(owner.doc).meta.title).toBe('Secret plans')
  })
})

describe('sprintpad-server: one port for everything', () => {
  it('serves /healthz with counts and y-webrtc signaling beside sync', async () => {
    server = await startServerProcess(['--data', dataDir])
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    const a = client(server.base, documentName, token)
    await a.synced()
    createSprint(a.doc, { title: 'Counted', startDate: '', endDate: '' })
    await a.acknowledged()

    const signal = new WebSocket(serverEndpoints(server.base).signaling)
    const pong = await new Promise<unknown>((ok, fail) => {
      signal.once('open', () => signal.send(JSON.stringify({ type: 'ping' })))
      signal.once('message', (d: Buffer) => ok(JSON.parse(d.toString())))
      signal.once('error', fail)
    })
    expect(pong).toEqual({ type: 'pong' })

    const h = await health(server)
    expect(h).toMatchObject({
      status: 'ok',
      rooms: 1,
      connections: 1,
      signaling: { connections: 1 },
      store: { kind: 'sqlite', documents: 1 },
    })
    expect((h.store as { bytes: number }).bytes).toBeGreaterThan(100)
    expect((h.process as { rssBytes: number }).rssBytes).toBeGreaterThan(1_000_000)
    signal.close()

    const notFound = await fetch(`http://127.0.0.1:${server.port}/anything`)
    expect(notFound.status).toBe(404)
  })
})
