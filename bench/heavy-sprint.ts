import * as Y from 'yjs'
import * as prng from 'lib0/prng'
import {
  addItem,
  addTeam,
  createSprint,
  editItemText,
  moveItem,
  setItemStatus,
  setOwners,
  type ItemStatus,
} from '../shared/doc'

export interface HeavySprintOptions {
  teams?: number
  itemsPerTeam?: number
  edits?: number
  seed?: number
}

const SECTIONS = ['retro', 'hangover', 'okr', 'high', 'low'] as const
const STATUS: Record<(typeof SECTIONS)[number], ItemStatus[]> = {
  retro: ['done', 'partly', 'notDone', 'dropped'],
  hangover: ['reprioritised', 'deprioritised'],
  okr: ['green', 'yellow', 'red'],
  high: ['checked'],
  low: ['checked'],
}

/**
 * Builds the benchmark sprint: `teams` × `itemsPerTeam` items spread over the template's list
 * sections, then `edits` separate transactions of history (mostly typing, some status changes,
 * owner changes and moves), as a long planning meeting would leave it. Deterministic per seed.
 * Returns the item ids.
 */
export function buildHeavySprint(doc: Y.Doc, options: HeavySprintOptions = {}): string[] {
  const { teams = 15, itemsPerTeam = 40, edits = 50_000, seed = 1 } = options
  const gen = prng.create(seed)
  createSprint(doc, {
    id: 'heavy',
    title: 'Sprint - July 1 to July 12',
    startDate: '2024-07-01',
    endDate: '2024-07-12',
    createdAt: 0,
  })
  const ids: { id: string; section: (typeof SECTIONS)[number] }[] = []
  doc.transact(() => {
    for (let t = 0; t < teams; t++) {
      const teamId = addTeam(doc, { id: `team-${t}`, name: `Team ${t}` })
      for (let i = 0; i < itemsPerTeam; i++) {
        const section = SECTIONS[i % SECTIONS.length] as (typeof SECTIONS)[number]
        const id = addItem(doc, {
          id: `item-${t}-${i}`,
          teamId,
          section,
          text: prng.word(gen, 8, 30),
          owners: [`dev-${i % 7}`],
        })
        ids.push({ id, section })
      }
    }
  })
  for (let e = 0; e < edits; e++) {
    const target = prng.oneOf(gen, ids)
    const r = prng.uint32(gen, 0, 99)
    if (r < 90) {
      const len = 30
      editItemText(doc, {
        itemId: target.id,
        index: prng.uint32(gen, 0, len),
        remove: r < 20 ? 1 : 0,
        insert: r < 20 ? '' : prng.letter(gen),
      })
    } else if (r < 96) {
      setItemStatus(doc, { itemId: target.id, status: prng.oneOf(gen, STATUS[target.section]) })
    } else if (r < 99) {
      setOwners(doc, { itemId: target.id, owners: [`dev-${prng.uint32(gen, 0, 9)}`] })
    } else {
      moveItem(doc, { itemId: target.id, index: prng.uint32(gen, 0, 8) })
    }
  }
  return ids.map((x) => x.id)
}

/**
 * A bare Y.Doc holding the same content without the model: one Y.Text per item in a Y.Map, with
 * the same number of typing transactions. The baseline for the model's overhead.
 */
export function buildBareDoc(doc: Y.Doc, options: HeavySprintOptions = {}): void {
  const { teams = 15, itemsPerTeam = 40, edits = 50_000, seed = 1 } = options
  const gen = prng.create(seed)
  const root = doc.getMap<Y.Text>('items')
  const keys: string[] = []
  doc.transact(() => {
    for (let t = 0; t < teams; t++) {
      for (let i = 0; i < itemsPerTeam; i++) {
        const key = `item-${t}-${i}`
        root.set(key, new Y.Text(prng.word(gen, 8, 30)))
        keys.push(key)
      }
    }
  })
  for (let e = 0; e < edits; e++) {
    const text = root.get(prng.oneOf(gen, keys))
    if (!text) continue
    doc.transact(() => {
      const r = prng.uint32(gen, 0, 99)
      const index = Math.min(prng.uint32(gen, 0, 30), text.length)
      if (r < 20 && text.length > index) text.delete(index, 1)
      else text.insert(index, prng.letter(gen))
    })
  }
}
