import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { addItem, addTeam, createSprint, readSprint } from '../../../shared/doc'
import { generateRoom, serverCredentials, serverEndpoints } from '../../../shared/sync'
import { SqliteStore } from '../../../main/server/sqlite-store'
import { startServerProcess, type ServerProcess } from '../../helpers/server-process'
import { connectClient } from '../../helpers/sync-client'
import { waitFor } from '../../helpers/wait'
import { rawClient } from './raw-client'

// Real server processes on a shared, busy machine: allow more than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 })

const MARKER = 'HOSTILE-MARKER'
const UPDATE_CAP = 64 * 1024
const SYNC_UPDATE = 2

let dataDir = ''
let server: ServerProcess
const { room, secret } = generateRoom()
const { documentName, token } = serverCredentials(room, secret)
/** The sprint as its honest author left it on the server. */
const original = new Y.Doc()

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-guard-'))
  server = await startServerProcess(['--data', dataDir, '--max-update-bytes', String(UPDATE_CAP)])
  const author = connectClient(server.base, documentName, token, original)
  await author.synced()
  createSprint(original, { title: 'Guarded', startDate: '2024-07-01', endDate: '2024-07-12' })
  const teamId = addTeam(original, { name: 'Web' })
  addItem(original, { teamId, section: 'high', text: 'Keep me' })
  await author.acknowledged()
  author.close()
})

afterAll(async () => {
  await server.kill()
  await rm(dataDir, { recursive: true, force: true })
})

/** An update a hostile client with the whole sprint makes with `fn`. */
function hostile(fn: (d: Y.Doc) => void): Uint8Array {
  const d = new Y.Doc()
  Y.applyUpdate(d, Y.encodeStateAsUpdate(original))
  const before = Y.encodeStateVector(d)
  fn(d)
  return Y.encodeStateAsUpdate(d, before)
}

const cases: [string, () => Uint8Array, RegExp][] = [
  ['malformed bytes', () => new Uint8Array([7, 250, 3, 1, 99, 0, 42]), /malformed update/],
  [
    'an update over the size cap',
    () => hostile((d) => d.getMap('meta').set('title', MARKER + 'x'.repeat(UPDATE_CAP))),
    /exceeds the 65536 cap/,
  ],
  [
    'list content in the items root',
    () => hostile((d) => d.getArray('items').insert(0, [MARKER])),
    /schema: list content in the items map/,
  ],
  [
    'an item that is a string',
    () => hostile((d) => d.getMap('items').set('evil', MARKER)),
    /schema: items\/evil must be a Y.Map/,
  ],
  [
    'a subdocument',
    () => hostile((d) => d.getMap('items').set('sub', new Y.Doc({ guid: MARKER }))),
    /subdocument|schema/,
  ],
]

describe('sprintpad-server: the guard', () => {
  it.each(cases)('refuses %s, logs why, and stores nothing of it', async (_name, make, reason) => {
    const client = await rawClient(serverEndpoints(server.base).sync, documentName, token)
    const before = server.logs.length
    client.sendSync(SYNC_UPDATE, make())
    // Hocuspocus tells the client the document is closed (message type 7).
    await waitFor('the server to close the document', () => client.types.includes(7))
    const refusal = server.logs.slice(before).find((l) => l.event === 'message_refused')
    expect(refusal?.reason).toMatch(reason)
    expect(refusal?.document).toBe(documentName)
    client.close()
  })

  it.each([
    [
      'presence that is not JSON',
      1,
      (e: encoding.Encoder) => {
        const inner = encoding.createEncoder()
        encoding.writeVarUint(inner, 1)
        encoding.writeVarUint(inner, 42)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarString(inner, '{not json')
        encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
      },
      /malformed message/,
    ],
    [
      'a stateless broadcast (a free relay Sprintpad does not use)',
      6,
      (e: encoding.Encoder) => encoding.writeVarString(e, MARKER),
      /message type 6 is not accepted/,
    ],
  ])('refuses %s', async (_name, type, write, reason) => {
    const client = await rawClient(serverEndpoints(server.base).sync, documentName, token)
    const before = server.logs.length
    client.send(type, write)
    await waitFor('the server to close the document', () => client.types.includes(7))
    expect(server.logs.slice(before).find((l) => l.event === 'message_refused')?.reason).toMatch(
      reason,
    )
    client.close()
  })

  it('closes a connection whose message is bigger than the WebSocket cap, unread', async () => {
    const client = await rawClient(serverEndpoints(server.base).sync, documentName, token)
    client.sendSync(SYNC_UPDATE, new Uint8Array(2 * 1024 * 1024))
    expect(await client.closed).toBe(1009)
    await waitFor('the log line', () => server.logs.some((l) => l.event === 'message_too_big'))
  })

  it('keeps the stored sprint readable and free of everything refused', async () => {
    const reader = connectClient(server.base, documentName, token)
    await reader.synced()
    const view = readSprint(reader.doc)
    expect(view.problems).toEqual([])
    expect(view.meta.title).toBe('Guarded')
    expect(view.teams[0]?.sections.find((s) => s.key === 'high')?.items.map((i) => i.text)).toEqual(
      ['Keep me'],
    )
    reader.close()

    // What is on disk, read after a clean stop, holds none of the hostile content.
    expect(await server.stop()).toBe(0)
    const store = new SqliteStore(dataDir)
    await store.open()
    const stored = await store.load(documentName)
    await store.close()
    expect(stored).not.toBeNull()
    expect(Buffer.from(stored ?? []).includes(MARKER)).toBe(false)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, stored ?? new Uint8Array())
    expect(readSprint(copy).problems).toEqual([])
    expect(readSprint(copy).meta.title).toBe('Guarded')
  })
})
