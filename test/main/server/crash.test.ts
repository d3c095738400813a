import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as prng from 'lib0/prng'
import { afterAll, describe, expect, it } from 'vitest'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  getItemText,
  readSprint,
} from '../../../shared/doc'
import { generateRoom, serverCredentials } from '../../../shared/sync'
import { startServerProcess, type ServerProcess } from '../../helpers/server-process'
import { connectClient } from '../../helpers/sync-client'

const ROUNDS = 10
const SEED = 11
let dataDir = ''
let server: ServerProcess | undefined

afterAll(async () => {
  await server?.kill()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

describe('sprintpad-server: killed mid-typing', () => {
  it(`keeps every edit it acknowledged, ${ROUNDS} rounds of SIGKILL and restart`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sprintpad-crash-'))
    const gen = prng.create(SEED)
    const { room, secret } = generateRoom()
    const { documentName, token } = serverCredentials(room, secret)
    let itemId = ''
    /** What the server held at the start of the round plus everything typed since. */
    let typed = ''
    let recovered = ''

    for (let round = 1; round <= ROUNDS; round++) {
      server = await startServerProcess(['--data', dataDir])
      const typist = connectClient(server.base, documentName, token)
      await typist.synced()
      if (round === 1) {
        createSprint(typist.doc, { title: 'Crash test', startDate: '', endDate: '' })
        const teamId = addTeam(typist.doc, { name: 'Web' })
        itemId = addItem(typist.doc, { teamId, section: 'high', text: '' })
      }
      const text = () => getItemText(typist.doc, itemId)?.toString() ?? ''
      expect(text()).toBe(recovered)
      // What was typed after the last kill and never reached the server left with that typist.
      typed = recovered
      // The text at the last moment the server had acknowledged every change so far.
      let acknowledged = text()
      typist.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number === 0) acknowledged = text()
      })
      let isTyping = true
      const typing = (async () => {
        for (let i = 0; isTyping; i++) {
          const chunk = `${round}.${i} `
          editItemText(typist.doc, { itemId, index: text().length, remove: 0, insert: chunk })
          typed += chunk
          await new Promise((r) => setTimeout(r, prng.uint32(gen, 2, 12)))
        }
      })()
      await new Promise((r) => setTimeout(r, prng.uint32(gen, 300, 900)))
      await server.kill()
      isTyping = false
      await typing
      typist.close()
      expect(acknowledged.length, `round ${round}: nothing acknowledged`).toBeGreaterThan(
        recovered.length,
      )

      server = await startServerProcess(['--data', dataDir])
      const reader = connectClient(server.base, documentName, token)
      await reader.synced()
      recovered = getItemText(reader.doc, itemId)?.toString() ?? ''
      reader.close()
      expect(recovered.startsWith(acknowledged), `round ${round} lost acknowledged edits`).toBe(
        true,
      )
      expect(typed.startsWith(recovered), `round ${round} recovered text never typed`).toBe(true)
      expect(readSprint(reader.doc).problems).toEqual([])
      await server.kill()
      server = undefined
    }
  }, 240_000)
})
