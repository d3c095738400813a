import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createSprint } from '../../../shared/doc'
import { generateRoom, serverCredentials, serverEndpoints } from '../../../shared/sync'
import { memoryLogger } from '../../../main/server/log'
import { SprintpadServer } from '../../../main/server/server'
import { connectClient } from '../../helpers/sync-client'
import { waitFor } from '../../helpers/wait'
import { rawClient } from './raw-client'

// Real server processes on a shared, busy machine: allow more than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

// In-process (limits are not all command-line options), on 127.0.0.1 like the spawned tests.
const logger = memoryLogger()
let server: SprintpadServer
let base = ''
let dataDir = ''

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-limits-'))
  server = new SprintpadServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger,
    limits: {
      maxMessagesBeforeAuth: 5,
      messagesPerSecond: 5,
      messageBurst: 20,
      maxDocumentsPerConnection: 2,
      maxConnectionsPerRoom: 1,
      maxRoomBytes: 8000,
    },
  })
  base = `ws://127.0.0.1:${(await server.start()).port}`
})

afterAll(async () => {
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

function credentials(): { documentName: string; token: string } {
  const { room, secret } = generateRoom()
  return serverCredentials(room, secret)
}

/** A step-1 sync message for `documentName` (harmless, answered by the server). */
function step1(documentName: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, documentName)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
  return encoding.toUint8Array(e)
}

async function sendAll(messages: Uint8Array[]): Promise<number> {
  const ws = new WebSocket(serverEndpoints(base).sync)
  const closed = new Promise<number>((ok) => ws.once('close', (code) => ok(code)))
  await new Promise((ok, fail) => {
    ws.once('open', ok)
    ws.once('error', fail)
  })
  for (const m of messages) ws.send(m)
  return closed
}

const refusals = (reason: string): number =>
  logger.lines.filter((l) => l.event === 'connection_refused' && l.fields.reason === reason).length

describe('sprintpad-server: per-connection and per-room limits', () => {
  it('closes a connection that sends too much before authenticating', async () => {
    const { documentName } = credentials()
    const code = await sendAll(Array.from({ length: 6 }, () => step1(documentName)))
    expect(code).toBe(1008)
    expect(refusals('unauthenticated')).toBe(1)
  })

  it('closes a connection that opens more sprints than allowed', async () => {
    const names = [credentials(), credentials(), credentials()].map((c) => c.documentName)
    expect(await sendAll(names.map(step1))).toBe(1008)
    expect(refusals('too-many-documents')).toBe(1)
  })

  it('closes an authenticated connection that sends faster than the rate limit', async () => {
    const { documentName, token } = credentials()
    const client = await rawClient(serverEndpoints(base).sync, documentName, token)
    for (let i = 0; i < 40; i++) client.sendSync(0, Y.encodeStateVector(new Y.Doc()))
    expect(await client.closed).toBe(1008)
    expect(refusals('rate-limited')).toBe(1)
  })

  it('refuses a second connection to a full room, and updates beyond the room’s size', async () => {
    const { documentName, token } = credentials()
    const first = connectClient(base, documentName, token)
    await first.synced()
    const second = connectClient(base, documentName, token)
    await waitFor('the second connection to be refused', () => second.isRefused())
    second.close()
    expect(logger.lines.some((l) => l.event === 'room_full')).toBe(true)

    createSprint(first.doc, { title: 'x'.repeat(9000), startDate: '', endDate: '' })
    await waitFor('the oversized room to be logged', () =>
      logger.lines.some((l) => l.event === 'room_too_large' && l.fields.document === documentName),
    )
    first.close()
  })
})
