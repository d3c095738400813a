import * as Y from 'yjs'
import { readSprint } from '../shared/doc'
import { buildBareDoc, buildHeavySprint } from './heavy-sprint'
import { time } from './figures'

/** Document model: encoded size, load (apply update) and read time, against a bare Y.Doc. */
export async function run(): Promise<void> {
  const options = { teams: 15, itemsPerTeam: 40, edits: 50_000 }
  const t0 = performance.now()
  const model = new Y.Doc()
  buildHeavySprint(model, options)
  const buildMs = performance.now() - t0
  const bare = new Y.Doc()
  buildBareDoc(bare, options)
  const modelUpdate = Y.encodeStateAsUpdate(model)
  const bareUpdate = Y.encodeStateAsUpdate(bare)

  const applyModel = time(() => Y.applyUpdate(new Y.Doc(), modelUpdate), 7)
  const applyBare = time(() => Y.applyUpdate(new Y.Doc(), bareUpdate), 7)
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, modelUpdate)
  const loadedBare = new Y.Doc()
  Y.applyUpdate(loadedBare, bareUpdate)
  const readModel = time(() => readSprint(loaded), 15)
  const readBare = time(() => loadedBare.getMap('items').toJSON(), 15)

  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KiB`
  const ms = (n: number): string => `${n.toFixed(2)} ms`
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
  console.log(
    `heavy sprint: ${options.teams} teams × ${options.itemsPerTeam} items, ${options.edits} edits (built in ${buildMs.toFixed(0)} ms)`,
  )
  console.log('| measure | model | bare Y.Doc | ratio |')
  console.log('| --- | --- | --- | --- |')
  console.log(
    `| encoded size | ${kb(modelUpdate.byteLength)} | ${kb(bareUpdate.byteLength)} | ${ratio(modelUpdate.byteLength, bareUpdate.byteLength)} |`,
  )
  console.log(
    `| apply full update into a fresh doc (median of 7) | ${ms(applyModel)} | ${ms(applyBare)} | ${ratio(applyModel, applyBare)} |`,
  )
  console.log(
    `| readSprint vs toJSON (median of 15) | ${ms(readModel)} | ${ms(readBare)} | ${ratio(readModel, readBare)} |`,
  )
  const problems = readSprint(loaded).problems.length
  if (problems > 0) throw new Error(`the heavy sprint reads with ${problems} problems`)
}
